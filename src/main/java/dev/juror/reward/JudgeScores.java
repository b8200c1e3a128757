package dev.juror.reward;

import java.util.List;
import java.util.Objects;

/** What the judge part of the reward returned for one prediction: scores, or a failure. */
public sealed interface JudgeScores {

    /** The judge answered and its answer parsed: one entry per judged unit, in the judge's order. */
    record Scored(List<CommentScores> comments, JudgeCallStats call) implements JudgeScores {
        public Scored {
            comments = List.copyOf(comments);
            call = call == null ? JudgeCallStats.NONE : call;
        }

        public Scored(List<CommentScores> comments) {
            this(comments, JudgeCallStats.NONE);
        }
    }

    /** Latency and tokens of the judge call behind these scores ({@link JudgeCallStats#NONE} when unknown). */
    JudgeCallStats call();

    /**
     * Who a judge failure is charged to. {@link #PREDICTION}: the prediction made the judge fail
     * (output-token limit reached, an unparseable answer that echoes the prediction); the reward is
     * the floor, so a policy cannot earn the neutral value by breaking its grader. {@link #SERVICE}:
     * anything else (throttling, 5xx, timeouts, connection errors, refusals, an unreadable answer
     * that does not echo the prediction); the reward is the neutral value.
     */
    enum Cause { PREDICTION, SERVICE }

    /**
     * The judge could not score: a transport failure after retries, an unparseable or
     * schema-violating answer, a refusal, or a timeout.
     *
     * @param status  {@code api_error}, {@code timeout}, {@code parse_error}, {@code schema_error},
     *                {@code refused} (the judge's recorded statuses)
     * @param message what went wrong, for logs
     * @param cause   who the failure is charged to
     * @param call    latency and tokens of the failed call
     */
    record Failed(String status, String message, Cause cause, JudgeCallStats call) implements JudgeScores {
        public Failed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(cause, "cause");
            call = call == null ? JudgeCallStats.NONE : call;
            // It travels into the reward's explanation and the Lambda's log lines: no secret-shaped text.
            message = message == null ? "" : dev.juror.judge.Secrets.redact(message);
        }

        public Failed(String status, String message, Cause cause) {
            this(status, message, cause, JudgeCallStats.NONE);
        }

        /** A failure of the service (neutral reward). */
        public Failed(String status, String message) {
            this(status, message, Cause.SERVICE);
        }
    }
}
