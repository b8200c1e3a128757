package dev.juror.watch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reward record: the {@code juror} member of the Lambda's EMF log line, field for field (names
 * fixed by issue #13 so any tool can read them). {@code metricsJson} keeps the record's
 * {@code metrics} object as written; {@link #metrics()} is it read.
 *
 * @param source where it was read ("rewards.jsonl:12", "log group G event 3")
 */
public record RewardRecord(String bundle, String rubricVersion, String sampleId, Instant timestamp, double reward,
                           Map<String, Double> metrics, String metricsJson, List<String> checks, boolean fallback,
                           Optional<String> judgeError, int predictionChars, int comments, long latencyMs,
                           int inputTokens, int outputTokens, String predictionSha256, String promptSha256,
                           OptionalInt step, Optional<String> prediction, String source) {
}
