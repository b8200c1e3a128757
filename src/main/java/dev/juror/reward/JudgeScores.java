package dev.juror.reward;

import java.util.List;
import java.util.Objects;

/** What the judge part of the reward returned for one prediction: scores, or a failure. */
public sealed interface JudgeScores {

    /** The judge answered and its answer parsed: one entry per judged unit, in the judge's order. */
    record Scored(List<CommentJudgement> comments) implements JudgeScores {
        public Scored {
            comments = List.copyOf(comments);
        }
    }

    /**
     * The judge could not score: a transport failure after retries, an unparseable or
     * schema-violating answer, a refusal, or a timeout.
     *
     * @param status  {@code api_error}, {@code timeout}, {@code parse_error}, {@code schema_error},
     *                {@code refused} (the judge's recorded statuses)
     * @param message what went wrong, for logs
     */
    record Failed(String status, String message) implements JudgeScores {
        public Failed {
            Objects.requireNonNull(status, "status");
            // It travels into the reward's explanation and the Lambda's log lines: no secret-shaped text.
            message = message == null ? "" : dev.juror.judge.Secrets.redact(message);
        }
    }
}
