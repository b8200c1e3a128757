package dev.juror.judge.run;

import dev.juror.judge.JudgeResult;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A result of a run: which rollout (pairwise: which two, in the order shown), which repeat, and the
 * judge result.
 *
 * @param rolloutId the judged rollout; pairwise, the one shown as candidate A
 * @param pair      pairwise only: candidate B and the pair's replay key
 */
public record RunResult(long rolloutId, Optional<Pair> pair, int repeat, JudgeResult result) {

    /**
     * The second candidate of a pairwise result.
     *
     * @param rolloutBId  the rollout shown as candidate B
     * @param contentHash the replay key of the pair as shown ({@link dev.juror.judge.JudgeItem#contentHash()}):
     *                    unlike a single prediction's hash it cannot be derived from the rollouts table,
     *                    so the store keeps it with the result
     */
    public record Pair(long rolloutBId, String contentHash) {
        public Pair {
            Objects.requireNonNull(contentHash, "contentHash");
        }
    }

    public RunResult {
        Objects.requireNonNull(pair, "pair (use Optional.empty())");
        Objects.requireNonNull(result, "result");
    }

    /** A pointwise result. */
    public RunResult(long rolloutId, int repeat, JudgeResult result) {
        this(rolloutId, Optional.empty(), repeat, result);
    }

    /** {@code rolloutId#repeat}: the key of a (rollout, repeat) within a run. */
    public static String key(long rolloutId, int repeat) {
        return rolloutId + "#" + repeat;
    }

    /** {@code a>b#repeat} for a pair shown as (a, b); {@code a#repeat} without b. */
    public static String key(long rolloutId, OptionalLong rolloutBId, int repeat) {
        return rolloutBId.isPresent() ? rolloutId + ">" + rolloutBId.getAsLong() + "#" + repeat : key(rolloutId, repeat);
    }

    public OptionalLong rolloutBId() {
        return pair.map(p -> OptionalLong.of(p.rolloutBId())).orElse(OptionalLong.empty());
    }

    public String key() {
        return key(rolloutId, rolloutBId(), repeat);
    }
}
