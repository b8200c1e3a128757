package dev.juror.testing.watch;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.ImportResult;
import dev.juror.workspace.imports.Importer;
import dev.juror.workspace.watch.WatchImportOptions;
import dev.juror.workspace.watch.WatchImportSummary;
import dev.juror.workspace.watch.WatchImporter;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts a {@link SyntheticTrainingRun} into a workspace the way a user would: the run's reward records
 * through {@code juror watch import}'s use case, the checkpoint rollouts through the ordinary import
 * (the workspace must hold the contract-review samples).
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
        if (!checkpoints.isEmpty()) {
            Path rollouts = folder.resolve(run + "-checkpoint-rollouts.jsonl");
            SyntheticTrainingRun.writeCheckpointRollouts(rollouts, checkpoints, 7);
            ImportResult result = new Importer(workspace).importBatch(JsonlImportReader.read(rollouts),
                    ImportOptions.refuseInvalid());
            if (result.refused()) {
                throw new IllegalStateException("checkpoint rollouts refused: " + result.summaryLines());
            }
        }
        return summary;
    }
}
