package dev.juror.judge.run;

import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.rubric.Mode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One item of a run's plan with what its judgement needs: a rollout (pointwise), or two rollouts of
 * one sample in the order they are shown (pairwise: {@code rolloutId} is candidate A, {@code rolloutBId}
 * candidate B).
 */
public record RunItem(long rolloutId, OptionalLong rolloutBId, JudgeItem item) {

    public RunItem {
        Objects.requireNonNull(rolloutBId, "rolloutBId (use OptionalLong.empty())");
        Objects.requireNonNull(item, "item");
        if (rolloutBId.isPresent() != (item.rubric().mode() == Mode.PAIRWISE)) {
            throw new IllegalArgumentException("item " + item.key() + ": a pairwise rubric needs two rollouts,"
                    + " a pointwise one exactly one");
        }
    }

    /** A pointwise item: one rollout. */
    public RunItem(long rolloutId, JudgeItem item) {
        this(rolloutId, OptionalLong.empty(), item);
    }

    /** A pairwise item: rollout {@code a} shown as candidate A, {@code b} as candidate B. */
    public static RunItem pair(long a, long b, JudgeItem item) {
        return new RunItem(a, OptionalLong.of(b), item);
    }

    /** The key of this item's result for one repeat ({@link RunResult#key()}). */
    public String key(int repeat) {
        return RunResult.key(rolloutId, rolloutBId, repeat);
    }

    /** The result of this item for one repeat, carrying a pair's replay key along. */
    public RunResult result(int repeat, JudgeResult result) {
        Optional<RunResult.Pair> pair = rolloutBId.isPresent()
                ? Optional.of(new RunResult.Pair(rolloutBId.getAsLong(), item.contentHash())) : Optional.empty();
        return new RunResult(rolloutId, pair, repeat, result);
    }
}
