package dev.juror.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.SettingsModel;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.workspace.ImportOutcome;
import dev.juror.app.workspace.WorkspaceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's view model without a window: tasks run inline, settings go to a temporary file. */
class ShellViewModelTest {

    @TempDir
    Path dir;

    private final InlineBackgroundTasks tasks = new InlineBackgroundTasks();
    private final List<ShellViewModel.Problem> problems = new ArrayList<>();
    private final List<ImportOutcome> outcomes = new ArrayList<>();
    private WorkspaceSession session;
    private SettingsModel settings;
    private ShellViewModel shell;

    @BeforeEach
    void create() {
        session = new WorkspaceSession(tasks);
        settings = new SettingsModel(new SettingsStore(dir.resolve("settings.json")));
        shell = new ShellViewModel(session, settings, tasks);
    }

    @AfterEach
    void close() {
        session.close();
        settings.close();
    }

    @Test
    void openingAWorkspaceSeedsItsRubricsSaysSoAndRemembersItFirstAmongTheRecent() {
        Path ws = dir.resolve("ws");
        assertThat(shell.workspaceText().get()).isEqualTo("No workspace open");

        shell.openWorkspace(ws, WorkspaceSession.Seeding.RUBRICS, problems::add);

        assertThat(problems).isEmpty();
        assertThat(session.isOpen()).isTrue();
        assertThat(ws.resolve("rubrics/contract-review.yaml")).exists();
        assertThat(shell.statusMessageProperty().get()).isEqualTo("Opened " + session.current().directory());
        assertThat(shell.workspaceText().get()).isEqualTo(session.current().directory().toString());
        assertThat(settings.get().recentWorkspaces()).first().isEqualTo(session.current().directory().toString());
    }

    @Test
    void aFolderThatCannotBeAWorkspaceIsOneProblemAndTheStatusIsCleared() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

        shell.openWorkspace(notAFolder, WorkspaceSession.Seeding.RUBRICS, problems::add);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Cannot open the workspace");
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(shell.statusMessageProperty().get()).isEmpty();
        assertThat(session.isOpen()).isFalse();
        assertThat(settings.get().recentWorkspaces()).isEmpty();
    }

    @Test
    void importingWithoutAWorkspaceAsksForOneFirst() {
        shell.importFile(Path.of("samples/contract-review/contract-review.jsonl"), outcomes::add, problems::add);

        assertThat(outcomes).isEmpty();
        assertThat(problems).containsExactly(new ShellViewModel.Problem("No workspace open",
                "Open a workspace (File > Open workspace) first."));
    }

    @Test
    void aRefusedImportChangesNothingAndAnAcceptedOneTellsTheScreens() {
        shell.openWorkspace(dir.resolve("ws"), WorkspaceSession.Seeding.RUBRICS, problems::add);
        long revision = session.revisionProperty().get();

        shell.importFile(Path.of("samples/contract-review/broken.jsonl"), outcomes::add, problems::add);
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.refused()).isTrue());
        assertThat(shell.statusMessageProperty().get()).startsWith("Import refused: broken.jsonl has ");
        assertThat(session.revisionProperty().get()).isEqualTo(revision);

        shell.importFile(Path.of("samples/contract-review/contract-review.jsonl"), outcomes::add, problems::add);
        assertThat(outcomes).hasSize(2).last().satisfies(o -> assertThat(o.refused()).isFalse());
        assertThat(shell.statusMessageProperty().get()).isEqualTo("Imported contract-review.jsonl");
        assertThat(session.revisionProperty().get()).isEqualTo(revision + 1);
        assertThat(session.current().stats().samples()).isEqualTo(9);
        assertThat(problems).isEmpty();
    }

    @Test
    void theLabellerLineAndTheShownScreenFollowTheCommands() {
        assertThat(shell.labellerText().get()).isEqualTo("Labeller: not set");
        shell.setLabeller("Ann");
        assertThat(shell.labellerText().get()).isEqualTo("Labeller: Ann");
        assertThat(settings.get().labeller()).isEqualTo("Ann");

        assertThat(shell.screenProperty().get()).isEqualTo(ScreenId.REVIEW);
        shell.show(ScreenId.EXPORT);
        assertThat(shell.screenProperty().get()).isEqualTo(ScreenId.EXPORT);
    }
}
