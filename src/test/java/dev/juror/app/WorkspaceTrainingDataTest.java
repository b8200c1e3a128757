package dev.juror.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.training.TrainingData;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.TrainingWorkspaces;
import dev.juror.watch.detect.WatchReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Training screen's port over a workspace: runs, the report, one step's records, following the open workspace. */
class WorkspaceTrainingDataTest {

    @TempDir
    Path dir;

    @Test
    void readsARunsReportAndAStepsRecords() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            TrainingWorkspaces.importRun(ws, dir, "rft-1", 12, 9, List.of());
            AtomicReference<Workspace> open = new AtomicReference<>(ws);
            var following = WorkspaceTrainingData.following(open::get);
            TrainingData data = following.get();

            assertThat(following.get()).as("the same reads while the workspace stays open").isSameAs(data);
            assertThat(data.runs()).singleElement()
                    .satisfies(r -> assertThat(r.toString()).isEqualTo("rft-1 · 108 records · steps 1–12"));
            WatchReport report = data.report("rft-1");
            assertThat(report.steps()).hasSize(12);
            assertThat(report.run()).isEqualTo("rft-1");
            assertThat(data.step("rft-1", 5)).hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(9));
            assertThat(data.step("rft-1", 99)).isEmpty();
            assertThat(data.checkpoints("rft-1")).isEmpty();

            open.set(null);
            assertThat(following.get()).isNull();
        }
    }
}
