package dev.juror.cli;

import dev.juror.calibration.report.ReportJson;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportLimits;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.io.InputFileException;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.watch.CheckpointRollouts;
import dev.juror.workspace.queues.QueueRequestException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code juror watch import --run NAME --checkpoint C --step S FILE}: a checkpoint's rollouts (any
 * shape {@code juror import} reads) into the workspace, tagged with the checkpoint and step, and
 * its review queue created ({@code --queue-labellers}) or the command that creates it printed.
 */
final class WatchCheckpointImport {

    private WatchCheckpointImport() {
    }

    /** The options of {@link WatchImportCommand} this import reads. */
    record Request(String run, String checkpoint, String step, Path file, List<String> queueLabellers, int queueCount,
                   int queueOverlap, boolean json) {
    }

    static int call(Workspace workspace, Request r, PrintWriter out, PrintWriter err) {
        int step = CheckpointRollouts.step(r.step());
        CheckpointRollouts rollouts = new CheckpointRollouts(workspace);
        rollouts.check(r.run(), r.checkpoint(), step);
        ImportBatch batch;
        try {
            batch = JsonlImportReader.read(r.file(), ImportLimits.defaults(), List.of());
        } catch (InputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<CheckpointRollouts.QueuePlan> queue = r.queueLabellers().isEmpty() ? Optional.empty()
                : Optional.of(new CheckpointRollouts.QueuePlan(r.queueLabellers(), r.queueCount(), r.queueOverlap(),
                account()));
        CheckpointRollouts.Outcome outcome;
        try {
            outcome = rollouts.importBatch(r.run(), r.checkpoint(), step, batch, ImportOptions.refuseInvalid(), queue);
        } catch (QueueRequestException e) {
            throw new UserInputException("--queue-" + QueueCreateCommand.optionOf(e.field()).substring(2) + ": "
                    + e.getMessage() + " (the rollouts were imported; create the queue with juror queue create)", e);
        }
        if (outcome.result().refused()) {
            (r.json() ? out : err).println(r.json() ? ReportJson.compact(json(r, step, outcome))
                    : String.join("\n", outcome.result().summaryLines()));
            return CliRunner.BAD_INPUT;
        }
        if (r.json()) {
            out.println(ReportJson.compact(json(r, step, outcome)));
        } else {
            outcome.result().summaryLines().forEach(out::println);
            out.println("checkpoint " + r.checkpoint() + " of run " + r.run() + " at step " + step + ": "
                    + outcome.rollouts() + " rollouts in the workspace");
            out.println(outcome.queueNote());
        }
        return CliRunner.OK;
    }

    private static Map<String, Object> json(Request r, int step, CheckpointRollouts.Outcome o) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", r.run());
        map.put("checkpoint", r.checkpoint());
        map.put("step", step);
        map.put("source", r.file().toString());
        map.put("status", o.result().status().name().toLowerCase(Locale.ROOT));
        map.put("samples_added", o.result().samplesAdded());
        map.put("rollouts_added", o.result().rolloutsAdded());
        map.put("rollouts_unchanged", o.result().rolloutsUnchanged());
        map.put("checkpoint_rollouts", o.rollouts());
        map.put("errors", o.result().errors().stream().map(e -> Map.of("line", e.line(), "reason", e.reason())).toList());
        o.queue().ifPresent(q -> map.put("queue", q.name()));
        map.put("queue_note", o.queueNote());
        return map;
    }

    private static String account() {
        String account = System.getProperty("user.name", "");
        return account.isBlank() ? "unknown" : account.strip();
    }

    /** Bad input of a checkpoint import as the command line says it. */
    static UserInputException refused(WatchInputException e) {
        return new UserInputException(e.getMessage() + "; nothing was imported", e);
    }
}
