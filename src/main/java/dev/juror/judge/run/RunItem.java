package dev.juror.judge.run;

import dev.juror.judge.JudgeItem;
import java.util.Objects;

/** One rollout of a run's selection with what its judgement needs. */
public record RunItem(long rolloutId, JudgeItem item) {

    public RunItem {
        Objects.requireNonNull(item, "item");
    }
}
