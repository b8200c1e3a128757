package dev.juror.cli;

import dev.juror.batch.BatchMode;
import dev.juror.judge.run.RunSummary;
import dev.juror.workspace.judging.PreparedRun;
import java.io.PrintWriter;

/** What {@code juror judge} says on stderr about batch runs: where the job goes, how it ended. */
final class BatchNotes {

    private BatchNotes() {
    }

    /** After a run was created: a batch run names its folder; auto below the minimum says it went on demand. */
    static void created(PrintWriter err, PreparedRun prepared, BatchMode asked) {
        if (prepared.batch().isPresent()) {
            err.println("juror: run " + prepared.run().id() + " goes to a Bedrock batch job; its input and output go"
                    + " under " + prepared.batch().get().s3Prefix().orElse("") + " (Ctrl-C stops the job; resume with"
                    + " juror judge --resume " + prepared.run().id() + ")");
        } else if (asked == BatchMode.AUTO) {
            err.println("juror: run " + prepared.run().id() + " has fewer calls than a Bedrock batch job takes (100):"
                    + " judged on demand");
        }
        err.flush();
    }

    /** After a batch session: how its job ended (answered, errors, missing), which the summary does not say. */
    static void finished(PrintWriter err, RunSummary summary) {
        String stage = summary.progress().stage();
        if (!stage.isEmpty()) {
            err.println("juror: " + stage);
            err.flush();
        }
    }
}
