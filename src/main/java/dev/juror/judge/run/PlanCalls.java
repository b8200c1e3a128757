package dev.juror.judge.run;

import dev.juror.judge.JudgeCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls of a run by key, made when first asked for: a call needs its item, and a plan read from
 * a workspace loads an item only then ({@link PlanItems}). Keys are registered up front on one thread;
 * calls are then asked for from the run's worker and delivery threads.
 */
public final class PlanCalls {

    private record Slot(int index, int repeat) {
    }

    private final PlanItems items;
    private final Map<String, Slot> slots = new HashMap<>();

    public PlanCalls(PlanItems items) {
        this.items = items;
    }

    /** Registers the call of one item and repeat; returns its key. Before the run starts only. */
    public String add(int index, int repeat) {
        String key = items.key(index, repeat);
        slots.put(key, new Slot(index, repeat));
        return key;
    }

    /** The call with this key (its item loaded if it was not yet), or null for an unknown key. */
    public JudgeCall call(String key) {
        Slot slot = slots.get(key);
        return slot == null ? null : new JudgeCall(key, items.get(slot.index()).item(), slot.repeat());
    }

    /**
     * The calls with these keys, their items without the sample's documents, read together
     * ({@link PlanItems#withoutDocuments(java.util.Collection)}); unknown keys are left out.
     */
    public Map<String, JudgeCall> callsWithoutDocuments(java.util.Collection<String> keys) {
        List<Integer> indices = keys.stream().map(slots::get).filter(java.util.Objects::nonNull).map(Slot::index)
                .distinct().toList();
        Map<Integer, RunItem> loaded = items.withoutDocuments(indices);
        Map<String, JudgeCall> calls = new HashMap<>();
        for (String key : keys) {
            Slot slot = slots.get(key);
            if (slot != null) {
                calls.put(key, new JudgeCall(key, loaded.get(slot.index()).item(), slot.repeat()));
            }
        }
        return calls;
    }

    /** The plan item of the call with this key, with an item already loaded (its rollout ids read without loading). */
    public RunItem item(String key, dev.juror.judge.JudgeItem loaded) {
        int index = slots.get(key).index();
        return new RunItem(items.rolloutId(index), items.rolloutBId(index), loaded);
    }

    /** The plan index of the call with this key, or -1 for an unknown key. */
    public int index(String key) {
        Slot slot = slots.get(key);
        return slot == null ? -1 : slot.index();
    }

    /** Lets go of the loaded item at this plan index ({@link PlanItems#release}). */
    public void release(int index) {
        if (index >= 0) {
            items.release(index);
        }
    }

    /** The plan item of the call with this key. */
    public RunItem item(String key) {
        return items.get(slots.get(key).index());
    }
}
