package dev.juror.judge.run;

import dev.juror.judge.JudgeCall;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls of a run by key, made when first asked for: a call needs its item, and a plan read from
 * a workspace loads an item only then ({@link PlanItems}). Keys are registered up front on one thread;
 * calls are then asked for from the run's worker and delivery threads.
 */
final class PlanCalls {

    private record Slot(int index, int repeat) {
    }

    private final PlanItems items;
    private final Map<String, Slot> slots = new HashMap<>();

    PlanCalls(PlanItems items) {
        this.items = items;
    }

    /** Registers the call of one item and repeat; returns its key. Before the run starts only. */
    String add(int index, int repeat) {
        String key = items.key(index, repeat);
        slots.put(key, new Slot(index, repeat));
        return key;
    }

    /** The call with this key (its item loaded if it was not yet), or null for an unknown key. */
    JudgeCall call(String key) {
        Slot slot = slots.get(key);
        return slot == null ? null : new JudgeCall(key, items.get(slot.index()).item(), slot.repeat());
    }

    /** The plan item of the call with this key. */
    RunItem item(String key) {
        return items.get(slots.get(key).index());
    }
}
