package dev.juror.app.judge;

import dev.juror.batch.BatchException;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.RubricException;

/** Why a judge run could not start or go on, as the screen's message line says it (never a stack trace). */
final class RunProblems {

    private RunProblems() {
    }

    /**
     * @param runId the run that was judged when it failed, or -1 when none had started
     */
    static String describe(Throwable failure, long runId) {
        if (failure instanceof RubricException e) {
            return "The rubric is not valid: " + String.join("; ", e.lines());
        }
        if (failure instanceof BatchException e) {
            return "The batch job cannot go on: " + e.getMessage() + (runId >= 0 ? " Run " + runId + " is interrupted;"
                    + " Resume continues it (finished records are kept)." : "");
        }
        if (failure instanceof JudgeSetupException e) {
            return "Cannot start the run: " + switch (e.setting()) {
                case "base-url" -> "the OpenAI-compatible base URL (Settings) " + e.detail();
                case "endpoint" -> "the Bedrock endpoint " + e.detail();
                case "mode" -> "how to call the judge: " + BatchFormViewModel.plain(e.detail());
                case "s3-prefix" -> "the S3 folder " + BatchFormViewModel.plain(e.detail());
                case "role-arn" -> "the service role " + BatchFormViewModel.plain(e.detail());
                default -> e.getMessage();
            };
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return "The run failed: " + failure.getMessage()
                + (cause != failure && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }
}
