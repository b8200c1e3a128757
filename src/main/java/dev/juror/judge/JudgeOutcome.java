package dev.juror.judge;

import dev.juror.judge.output.ResultStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one judge task ended. {@link Succeeded} and {@link Failed} are results to record;
 * {@link Cancelled} is not a result: the task did not finish and a resumed run must do it again.
 */
public sealed interface JudgeOutcome {

    String key();

    /** Attempts made, 0 when cancelled before the first. */
    int attempts();

    /** Attempts answered with throttling (429). */
    int throttledAttempts();

    /** From the first attempt's start to the end, back-off sleeps included. */
    Duration elapsed();

    /** The status to record; empty for {@link Cancelled}. */
    Optional<ResultStatus> recordedStatus();

    /** Tokens the provider charged for the final attempt (also for unusable answers). */
    default TokenUsage usage() {
        return switch (this) {
            case Succeeded s -> s.response().usage();
            case Failed f -> f.failure().partialResponse().map(JudgeResponse::usage).orElse(TokenUsage.ZERO);
            case Cancelled c -> TokenUsage.ZERO;
        };
    }

    /** The model answered completely; the text still has to be parsed (which may yield parse_error / schema_error). */
    record Succeeded(String key, JudgeResponse response, int attempts, int throttledAttempts, Duration elapsed)
            implements JudgeOutcome {
        public Succeeded {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public Optional<ResultStatus> recordedStatus() {
            return Optional.of(ResultStatus.OK);
        }
    }

    /** The call failed for good (non-retryable kind, attempts or time exhausted). */
    record Failed(String key, JudgeFailure failure, int attempts, int throttledAttempts, Duration elapsed)
            implements JudgeOutcome {
        public Failed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public Optional<ResultStatus> recordedStatus() {
            return Optional.of(failure.status());
        }
    }

    /** The batch was cancelled before this task finished. */
    record Cancelled(String key, int attempts, int throttledAttempts, Duration elapsed) implements JudgeOutcome {
        public Cancelled {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public Optional<ResultStatus> recordedStatus() {
            return Optional.empty();
        }
    }
}
