package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.TrainingSimulator;
import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointEvidence;
import dev.juror.watch.detect.CheckpointScores;
import dev.juror.watch.detect.DetectorNames;
import dev.juror.watch.detect.WatchReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report use case: the stored run, its baseline, and the checkpoints from the source it is given. */
class WatchReportsTest {

    @TempDir
    Path dir;

    @Test
    void theReportReadsTheStoredRunItsBaselineAndTheCheckpointEvidence() throws Exception {
        Path records = dir.resolve("r.jsonl");
        TrainingSimulator.writeRecords(TrainingSimulator.series(Config.clean(2, 30, 8, 4)), records);
        var planted = TrainingSimulator.checkpoints(5, 500, 50, 60, 250);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            new WatchImporter(ws).importFile("rft", records, "r.jsonl", WatchImportOptions.defaults());
            new WatchBaselines(ws).save("rft", TrainingSimulator.baseline());
            CheckpointEvidence source = new CheckpointEvidence() {
                @Override
                public List<CheckpointAgreement> agreements(String run) {
                    return planted.agreements();
                }

                @Override
                public List<CheckpointScores> scores(String run) {
                    return planted.scores();
                }
            };
            WatchReport report = new WatchReports(Repositories.of(ws), source).report("rft");
            assertThat(report.steps()).hasSize(30);
            assertThat(report.steps().get(0).scoreShift()).isNotNaN();
            assertThat(report.checkpoints()).hasSize(10);
            assertThat(report.alarms()).extracting(a -> a.detector()).containsExactly(DetectorNames.EXPERT_DIVERGENCE);
            assertThat(report.notes()).noneMatch(n -> n.startsWith("no baseline"));

            WatchReport without = new WatchReports(ws).report("rft");
            assertThat(without.alarms()).isEmpty();
            assertThatThrownBy(() -> new WatchReports(ws).report("other")).isInstanceOf(WatchInputException.class)
                    .hasMessage("no training run 'other' in this workspace; its runs: rft");
        }
    }
}
