package dev.juror.store;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One stored judge result (without its per-dimension scores; see {@link JudgeRunRepository#scoresOf}).
 *
 * @param rolloutId   the judged rollout; pairwise, the one shown as candidate A
 * @param rolloutBId  pairwise only: the rollout shown as candidate B
 * @param status      {@code ok}, {@code parse_error}, {@code schema_error}, {@code api_error}, {@code timeout}, {@code refused}
 * @param errorKinds  comma-separated output error kinds ({@code out_of_range,missing_comment}); {@code ""} if none
 * @param sampleScore present only for {@code ok}; pairwise, candidate A's share of the win (A 1, tie 0.5, B 0)
 */
public record JudgeResultRow(long id, long runId, long rolloutId, OptionalLong rolloutBId, int repeat, String status,
                             String model, String rawOutput, String error, String errorKinds, long latencyMs, int attempts,
                             long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                             OptionalDouble sampleScore, boolean arithmeticMismatch, Instant createdAt) {

    /** The judged rollout's id, or {@code a>b} for a pair shown with rollout a as candidate A. */
    public String rollouts() {
        return rolloutBId.isPresent() ? rolloutId + ">" + rolloutBId.getAsLong() : Long.toString(rolloutId);
    }
}
