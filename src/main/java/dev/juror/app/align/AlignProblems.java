package dev.juror.app.align;

import dev.juror.align.AlignInputException;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.workspace.align.AlignRunException;
import java.util.concurrent.CancellationException;

/** A failed round or cost check as one plain sentence for the panel: what went wrong and what to do. */
final class AlignProblems {

    private AlignProblems() {
    }

    static String sentence(Throwable failure) {
        if (failure instanceof CancellationException) {
            return "Cancelled. The judge runs made so far are kept (see the judge runs screen); the round was not stored.";
        }
        if (failure instanceof AlignInputException e) {
            String text = plain(e.getMessage());
            return switch (e.setting()) {
                case "labels" -> "Too few labels for an honest round: " + text;
                case "budget" -> "Over budget, nothing was judged: " + text;
                case "baseline-run" -> "No baseline run yet: run a judge first (Judge runs screen, a new run of this"
                        + " rubric with the same provider and model). " + text;
                case "test-split" -> "The test split was used before: " + text;
                default -> text;
            };
        }
        if (failure instanceof AlignRunException e) {
            return "The round stopped: " + e.getMessage();
        }
        if (failure instanceof JudgeSetupException e) {
            return "Cannot set up the judge: " + e.getMessage();
        }
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return "The round failed: " + message;
    }

    /** The use case speaks in the command line's options; the panel names its own fields. */
    static String plain(String message) {
        return message.replace("Pass --reuse-test-split to accept", "Tick \"Reuse the test split\" to accept")
                .replace("--reuse-test-split", "\"Reuse the test split\"")
                .replace("(--max-calls)", "(Max calls)").replace("(--max-cost)", "(Max cost)")
                .replace("--max-cost", "Max cost")
                .replace("or name a run with --baseline-run", "")
                .replace("(juror judge --rubric FILE ...)", "(juror judge --rubric FILE ..., or the judge runs screen)");
    }
}
