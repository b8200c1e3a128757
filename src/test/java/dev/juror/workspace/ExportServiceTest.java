package dev.juror.workspace;

import dev.juror.workspace.evidence.ExportServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.export.ExportRefusedException;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export use case's own seams: the workspace it reads, its refusals, its defaults. */
class ExportServiceTest {

    private static final Path RUBRIC = Path.of("rubrics/contract-review.yaml");

    @TempDir
    Path dir;

    private final ExportService service = ExportServices.withEvidence(Clock.systemUTC());

    @Test
    void aWorkspaceFolderThatDoesNotExistIsNeverCreatedAndHasNoVerdict() throws Exception {
        Path missing = dir.resolve("no-such-workspace");
        Rubric rubric = new RubricYaml().read(RUBRIC);
        ExportRequest request = ExportRequest.builder(ExportKind.PROMPT_BUNDLE, dir.resolve("out"))
                .rubric(rubric, Files.readString(RUBRIC)).build();
        try (ExportWorkspace ws = ExportWorkspace.folder(missing)) {
            assertThatThrownBy(() -> service.export(request, ws)).isInstanceOf(ExportRefusedException.class)
                    .hasMessageContaining("no verdict recorded");
            assertThat(service.budgetContext(ws, rubric, "amazon.nova-pro-v1:0", Optional.empty(), Optional.empty())
                    .usage().measured()).isFalse();
        }
        assertThat(missing).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aLentWorkspaceStaysOpenAndAFolderIsClosedWithTheExport() {
        Workspace open = Workspace.open(dir.resolve("ws"));
        ExportWorkspace.of(open).close();
        assertThat(open.isClosed()).as("the workbench's workspace").isFalse();
        open.close();
        Workspace opened;
        try (ExportWorkspace folder = ExportWorkspace.folder(dir.resolve("ws"))) {
            opened = folder.workspace().orElseThrow();
            assertThat(opened.isClosed()).isFalse();
        }
        assertThat(opened.isClosed()).isTrue();
        try (ExportWorkspace folder = ExportWorkspace.folder(dir.resolve("other"))) {
            assertThat(folder.workspace()).isEmpty();
        }
        assertThat(dir.resolve("other")).doesNotExist();
    }

    @Test
    void trainingDataWithoutSamplesIsRefusedAsSuch() throws Exception {
        Workspace.open(dir.resolve("ws")).close();
        try (ExportWorkspace ws = ExportWorkspace.folder(dir.resolve("ws"))) {
            assertThatThrownBy(() -> service.export(ExportRequest.builder(ExportKind.TRAINING_DATA,
                    dir.resolve("rows.jsonl")).build(), ws))
                    .isInstanceOfSatisfying(ExportInputException.class,
                            e -> assertThat(e.problem()).isEqualTo(ExportInputException.Problem.NO_SAMPLES));
        }
        assertThat(dir.resolve("rows.jsonl")).doesNotExist();
    }

    @Test
    void anUnreadableSamplesFileIsNamedAsTheSamplesFile() {
        Path bad = dir.resolve("bad.jsonl");
        try (ExportWorkspace ws = ExportWorkspace.folder(dir.resolve("none"))) {
            assertThatThrownBy(() -> service.export(ExportRequest.builder(ExportKind.TRAINING_DATA, dir.resolve("r.jsonl"))
                    .samplesFile(Optional.of(bad)).build(), ws))
                    .isInstanceOfSatisfying(ExportInputException.class,
                            e -> assertThat(e.problem()).isEqualTo(ExportInputException.Problem.SAMPLES_FILE));
        }
    }

    @Test
    void whatARequestLeavesOutIsTheOneSetOfDefaults() throws Exception {
        Rubric rubric = new RubricYaml().read(RUBRIC);
        ExportRequest r = ExportRequest.builder(ExportKind.LAMBDA_PACKAGE, dir).rubric(rubric, "").build();
        assertThat(r.model()).isEqualTo(rubric.judge().modelId());
        assertThat(r.budget()).isEqualTo(BudgetSettings.defaults());
        assertThat(r.lambda()).isEqualTo(ExportRequest.LambdaSettings.defaults());
        assertThat(r.lambda().memoryMb()).isEqualTo(ExportDefaults.MEMORY_MB);
        assertThat(r.trainingLimit()).isEqualTo(ExportDefaults.TRAINING_DATA_LIMIT);
        assertThat(r.budget().concurrency()).as("derived by the planner").isEmpty();
        assertThat(r.budget().judgeLatencyMs()).as("measured").isEmpty();
    }
}
