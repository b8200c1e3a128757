package dev.juror.store;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One stored judge result (without its per-dimension scores; see {@link JudgeRunRepository#scoresOf}).
 *
 * @param status      {@code ok}, {@code parse_error}, {@code schema_error}, {@code api_error}, {@code timeout}, {@code refused}
 * @param errorKinds  comma-separated output error kinds ({@code out_of_range,missing_comment}); {@code ""} if none
 * @param sampleScore present only for {@code ok}
 */
public record JudgeResultRow(long id, long runId, long rolloutId, int repeat, String status, String model,
                             String rawOutput, String error, String errorKinds, long latencyMs, int attempts,
                             long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                             OptionalDouble sampleScore, boolean arithmeticMismatch, Instant createdAt) {
}
