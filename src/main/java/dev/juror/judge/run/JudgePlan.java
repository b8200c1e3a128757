package dev.juror.judge.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run judges: the selected rollouts (pairwise: the ordered pairs of rollouts), each
 * {@code repeats} times (repeat 0 .. repeats-1). Repeats measure the judge's consistency: with
 * temperature 0 they should agree. The items are {@link PlanItems}: a plan read from a workspace loads
 * each item when its first call needs it.
 */
public record JudgePlan(List<RunItem> items, int repeats) {

    public static final int MAX_REPEATS = 100;

    public JudgePlan {
        items = items instanceof PlanItems deferred ? deferred : PlanItems.of(items);
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be 1.." + MAX_REPEATS + ", was " + repeats);
        }
        PlanItems planItems = (PlanItems) items;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < planItems.size(); i++) {
            if (!seen.add(planItems.key(i, 0))) {
                throw new IllegalArgumentException((planItems.rolloutBId(i).isPresent()
                        ? "pair " + planItems.rolloutId(i) + ">" + planItems.rolloutBId(i).getAsLong()
                        : "rollout " + planItems.rolloutId(i)) + " is selected twice");
            }
        }
    }

    /** The items, known by key, loaded on demand. */
    public PlanItems planItems() {
        return (PlanItems) items;
    }

    /** Calls in the plan: items x repeats. */
    public int calls() {
        return items.size() * repeats;
    }
}
