package dev.juror.testing.watch;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.watch.CheckpointRollouts;
import dev.juror.workspace.watch.WatchImportOptions;
import dev.juror.workspace.watch.WatchImportSummary;
import dev.juror.workspace.watch.WatchImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Puts a {@link SyntheticTrainingRun} into a workspace the way a user would: the run's reward records
 * and the checkpoint rollouts through {@code juror watch import}'s use cases (the workspace must hold
 * the contract-review samples).
 */
public final class TrainingWorkspaces {

    private TrainingWorkspaces() {
    }

    /** Writes the files into {@code folder} and imports them into run {@code run}. */
    public static WatchImportSummary importRun(Workspace workspace, Path folder, String run, int steps, int perStep,
                                               List<Integer> checkpoints) throws Exception {
        Path records = folder.resolve(run + "-rewards.jsonl");
        SyntheticTrainingRun.writeRecords(records, steps, perStep, steps * 2 / 3, 13);
        WatchImportSummary summary = new WatchImporter(workspace).importFile(run, records, records.getFileName()
                .toString(), WatchImportOptions.defaults());
        for (int step : checkpoints) {
            // as juror watch import --run RUN --checkpoint ckpt-STEP --step STEP FILE does
            Path rollouts = folder.resolve(run + "-ckpt-" + step + ".jsonl");
            SyntheticTrainingRun.writeCheckpointRollouts(rollouts, List.of(step), 7 + step);
            CheckpointRollouts.Outcome outcome = new CheckpointRollouts(workspace).importBatch(run, "ckpt-" + step,
                    step, JsonlImportReader.read(rollouts), ImportOptions.refuseInvalid(), Optional.empty());
            if (outcome.result().refused()) {
                throw new IllegalStateException("checkpoint rollouts refused: " + outcome.result().summaryLines());
            }
        }
        return summary;
    }
}
