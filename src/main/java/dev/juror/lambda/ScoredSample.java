package dev.juror.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.dataset.ContentHash;
import dev.juror.reward.JudgeCallStats;
import dev.juror.reward.RewardOutcome;
import java.util.OptionalLong;

/**
 * One sample's answer ({@link Result}) with what its reward record needs besides it: the
 * prediction, the prompt digest, the step the event carried, the judge call's cost and status, and
 * when scoring ended. Built by the worker that scored the sample; written by {@link RewardRecords}.
 *
 * @param prediction    the prediction's text ({@code ""} when the sample could not be read)
 * @param promptSha256  {@link PromptDigest} of the sample ({@code ""} when it has no messages)
 * @param step          the sample's {@code step} (top level or in {@code metadata}), when it has one
 * @param judgeCall     latency and tokens of the judge call; for a missed deadline, the time waited
 * @param judgeStatus   {@code ok}, {@code skipped}, a failure status, {@code deadline_exceeded}, or
 *                      {@code not_read} (the sample could not be read)
 * @param finishedAtMs  wall-clock time scoring ended, epoch milliseconds
 */
record ScoredSample(Result result, String prediction, String promptSha256, OptionalLong step,
                    JudgeCallStats judgeCall, String judgeStatus, long finishedAtMs) {

    static final String DEADLINE = "deadline_exceeded";
    static final String NOT_READ = "not_read";

    static ScoredSample scored(Result result, JsonNode sample, String prediction, RewardOutcome outcome) {
        return new ScoredSample(result, prediction, PromptDigest.of(sample), stepOf(sample), outcome.judgeCall(),
                outcome.judgeStatus(), System.currentTimeMillis());
    }

    static ScoredSample unread(Result result, JsonNode sample) {
        return new ScoredSample(result, "", PromptDigest.of(sample), stepOf(sample), JudgeCallStats.NONE, NOT_READ,
                System.currentTimeMillis());
    }

    static ScoredSample deadline(Result result, JsonNode sample, long waitedMs) {
        return new ScoredSample(result, "", PromptDigest.of(sample), stepOf(sample), JudgeCallStats.of(waitedMs, 0, 0),
                DEADLINE, System.currentTimeMillis());
    }

    String predictionSha256() {
        return ContentHash.of(prediction);
    }

    /** A whole number under {@code step} (number or numeric text), top level first, then {@code metadata}. */
    static OptionalLong stepOf(JsonNode sample) {
        if (sample == null || !sample.isObject()) {
            return OptionalLong.empty();
        }
        OptionalLong top = wholeNumber(sample.get("step"));
        return top.isPresent() ? top : wholeNumber(sample.path("metadata").get("step"));
    }

    private static OptionalLong wholeNumber(JsonNode v) {
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return OptionalLong.of(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(v.asText().trim()));
            } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
