package dev.juror.judge.run;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a run judges: the selected rollouts (pairwise: the ordered pairs of rollouts), each
 * {@code repeats} times (repeat 0 .. repeats-1). Repeats measure the judge's consistency: with
 * temperature 0 they should agree.
 */
public record JudgePlan(List<RunItem> items, int repeats) {

    public static final int MAX_REPEATS = 100;

    public JudgePlan {
        items = List.copyOf(items);
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be 1.." + MAX_REPEATS + ", was " + repeats);
        }
        Set<String> seen = new HashSet<>();
        for (RunItem item : items) {
            if (!seen.add(item.key(0))) {
                throw new IllegalArgumentException((item.rolloutBId().isPresent()
                        ? "pair " + item.rolloutId() + ">" + item.rolloutBId().getAsLong() : "rollout " + item.rolloutId())
                        + " is selected twice");
            }
        }
    }

    /** Calls in the plan: items x repeats. */
    public int calls() {
        return items.size() * repeats;
    }
}
