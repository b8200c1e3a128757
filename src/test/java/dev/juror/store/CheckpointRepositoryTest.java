package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V16: a workspace from before checkpoints gains them; a binding is made once and read back by run and step. */
class CheckpointRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void aWorkspaceFromBeforeCheckpointsGainsThemAndABindingIsMadeOnce() throws Exception {
        try (Workspace ws = Workspace.open(temp)) {
            try (WatchTransaction t = Repositories.of(ws).trainingRuns().begin()) {
                t.run("rft-1");
                t.commit();
            }
        }
        MigrationUndo.run(temp, MigrationUndo.V16);
        try (Workspace ws = Workspace.open(temp)) {
            assertThat(ws.schemaVersion()).isEqualTo(Integer.parseInt(WorkspaceSchema.SCHEMA_VERSION));
            CheckpointRepository checkpoints = Repositories.of(ws, Clock.fixed(Instant.parse("2026-12-08T05:00:00Z"),
                    ZoneOffset.UTC)).checkpoints();

            TrainingCheckpoint late = checkpoints.bind("rft-1", "ckpt-200", 200, Optional.of("arn:ckpt-200"));
            TrainingCheckpoint early = checkpoints.bind("rft-1", "ckpt-100", 100, Optional.empty());
            TrainingCheckpoint again = checkpoints.bind("rft-1", "ckpt-100", 999, Optional.of("other"));
            TrainingCheckpoint newRun = checkpoints.bind("rft-2", "other-ckpt", 5, Optional.empty());

            assertThat(again).isEqualTo(early);
            assertThat(early.step()).isEqualTo(100);
            assertThat(late.model()).contains("arn:ckpt-200");
            assertThat(late.createdAt()).isEqualTo(Instant.parse("2026-12-08T05:00:00Z"));
            assertThat(checkpoints.ofRun("rft-1")).containsExactly(early, late);
            assertThat(newRun.run()).isEqualTo("rft-2");
            assertThat(Repositories.of(ws).trainingRuns().find("rft-2")).isPresent();
            assertThat(checkpoints.find("nope")).isEmpty();
        }
    }
}
