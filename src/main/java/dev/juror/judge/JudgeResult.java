package dev.juror.judge;

import dev.juror.judge.output.ParsedJudgement;
import dev.juror.judge.output.ResultStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The recorded result of one judge call.
 *
 * @param key       the call's key
 * @param status    {@code ok}, {@code parse_error}, {@code schema_error}, {@code api_error}, {@code timeout} or {@code refused}
 * @param judgement the parsed answer, when the model answered completely (present for ok, parse_error and
 *                  schema_error from the parser; empty for transport failures)
 * @param rawOutput the model's text as received ({@code ""} when nothing arrived); kept for replay and audit
 * @param error     what went wrong, one line ({@code ""} when ok)
 * @param latency   from the first attempt's start to the end, retries included
 * @param usage     tokens of the final attempt
 * @param model     the judge model (or {@code heuristic-v1})
 * @param attempts  attempts made
 */
public record JudgeResult(String key, ResultStatus status, Optional<ParsedJudgement> judgement, String rawOutput,
                          String error, Duration latency, TokenUsage usage, String model, int attempts) {

    public JudgeResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(judgement, "judgement");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(usage, "usage");
        rawOutput = rawOutput == null ? "" : rawOutput;
        error = error == null ? "" : error;
        model = model == null ? "" : model;
    }

    /** The recomputed sample score; present only for {@code ok} results. */
    public OptionalDouble sampleScore() {
        return status == ResultStatus.OK && judgement.isPresent() ? judgement.get().sampleScore() : OptionalDouble.empty();
    }

    public boolean ok() {
        return status == ResultStatus.OK;
    }

    /** The judge's own arithmetic disagreed with the recomputation (flagged, never used). */
    public boolean arithmeticMismatch() {
        return judgement.map(ParsedJudgement::arithmeticMismatch).orElse(false);
    }
}
