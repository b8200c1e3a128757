package dev.juror.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.tasks.TaskProgress;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSeederTest {

    @TempDir
    Path folder;

    @Test
    void aNewWorkspaceGetsTheRubricsAndTheImportedSamplesOnce() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("ws"))) {
            WorkspaceSeeder.SeedResult first = new WorkspaceSeeder().seedIfEmpty(workspace, true, TaskProgress.NONE);
            assertThat(first.rubricFilesCopied()).isEqualTo(3);
            assertThat(first.seededSamples()).isTrue();
            assertThat(first.imports()).hasSize(2).allSatisfy(r -> assertThat(r.refused()).isFalse());
            assertThat(workspace.stats().samples()).isEqualTo(9);
            assertThat(workspace.stats().rollouts()).isEqualTo(53);
            assertThat(workspace.directory().resolve("samples/contract-review/contracts")).isDirectory();
            assertThat(workspace.directory().resolve("suites/contract-review.yaml")).isRegularFile();

            WorkspaceSeeder.SeedResult again = new WorkspaceSeeder().seedIfEmpty(workspace, true, TaskProgress.NONE);
            assertThat(again.rubricFilesCopied()).isZero();
            assertThat(again.seededSamples()).isFalse();
            assertThat(workspace.stats().rollouts()).isEqualTo(53);
        }
    }

    @Test
    void rubricsOnlyLeavesTheDatabaseEmpty() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("ws"))) {
            new WorkspaceSeeder().seedIfEmpty(workspace, false, TaskProgress.NONE);
            assertThat(workspace.directory().resolve("rubrics/contract-review.yaml")).exists();
            assertThat(workspace.directory().resolve("samples")).doesNotExist();
            assertThat(workspace.stats().samples()).isZero();
        }
    }

    @Test
    void aUserWhoDeletedTheSampleRubricsDoesNotGetThemBackOverTheirOwn() throws Exception {
        Path dir = folder.resolve("ws");
        Files.createDirectories(dir.resolve("rubrics"));
        Files.writeString(dir.resolve("rubrics/mine.yaml"), "name: mine\n");
        try (Workspace workspace = Workspace.open(dir)) {
            new WorkspaceSeeder().seedIfEmpty(workspace, false, TaskProgress.NONE);
        }
        try (var files = Files.list(dir.resolve("rubrics"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("mine.yaml");
        }
    }
}
