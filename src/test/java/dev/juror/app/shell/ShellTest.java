package dev.juror.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.ScriptedDialogs;
import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole workbench on a fresh temporary workspace: first start seeds it; rail, status bar, F1, import. */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    @TempDir
    static Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Path workspace;

    @Start
    void start(Stage stage) throws Exception {
        // An empty folder: the workbench seeds it as on a first start (the first test checks that).
        fixture = WorkbenchFixture.under(folder).firstStart().dialogs(dialogs).start(stage);
        workbench = fixture.workbench();
        workspace = fixture.workspaceDir();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void firstStartSeedsTheWorkspaceAndShowsTheReviewDesk(FxRobot robot) {
        assertThat(workspace.resolve("rubrics/contract-review.yaml")).exists();
        assertThat(workspace.resolve("samples/contract-review/contract-review.jsonl")).exists();
        assertThat(workbench.session().current().stats().samples()).isEqualTo(9);
        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText()).isEqualTo(workspace.toString());
        assertThat(robot.lookup("#labellerLabel").queryAs(Label.class).getText()).isEqualTo("Labeller: Ann");
        assertThat(robot.lookup("#nav-review").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup(".rail-button").queryAll()).hasSize(ScreenId.values().length);
        assertThat(robot.lookup("#reviewDesk").tryQuery()).isPresent();
        assertThat(workbench.review().cards()).isNotEmpty();
    }

    @Test
    void ctrlDigitsSwitchScreens(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#rubricEditor").query().isVisible()).isTrue();
        assertThat(robot.lookup("#nav-rubrics").queryAs(ToggleButton.class).isSelected()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#exportScreen").tryQuery()).isPresent();

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reviewDesk").query().getScene()).isNotNull();
        assertThat(robot.lookup("#exportScreen").tryQuery()).isEmpty();
    }

    @Test
    void f1ShowsTheShortcutSheet(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Node sheet = robot.lookup("#shortcutSheet").query();
        assertThat(robot.from(sheet).lookup(".shortcut-keys").queryAll())
                .hasSize(Shortcut.all().size());
    }

    @Test
    void theShortcutSheetIsADialogWithATitleAndCloseThatEscCloses(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Stage sheet = sheetWindow(robot);
        assertThat(sheet.getTitle()).isEqualTo("Keyboard shortcuts");
        assertThat(sheet.getOwner()).isSameAs(robot.lookup("#reviewDesk").query().getScene().getWindow());
        DialogPane pane = (DialogPane) sheet.getScene().getRoot();
        assertThat(pane.getHeaderText()).isEqualTo("Keyboard shortcuts");
        assertThat(pane.lookupButton(ButtonType.CLOSE)).isInstanceOf(Button.class);
        // Nothing clipped: the window is at least as tall and wide as the sheet wants, and fits a 1280x800 screen.
        assertThat(sheet.getScene().getHeight()).isGreaterThanOrEqualTo(pane.prefHeight(pane.getWidth()) - 1);
        assertThat(sheet.getScene().getWidth()).isGreaterThanOrEqualTo(pane.prefWidth(-1) - 1);
        assertThat(sheet.getHeight()).isLessThanOrEqualTo(800);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sheet.isShowing()).isFalse();
    }

    private static Stage sheetWindow(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle()))
                .map(Stage.class::cast).filter(Stage::isShowing).findFirst().orElseThrow();
    }

    @Test
    void importingABrokenFileShowsTheRefusalWithItsLineErrors(FxRobot robot) {
        dialogs.nextImportFile = workspace.resolve("samples/contract-review/broken.jsonl");
        long samplesBefore = workbench.session().current().stats().samples();
        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#importOutcomeText").queryAs(TextArea.class).getText();
        assertThat(shown).startsWith("Refused ").contains("nothing was imported")
                .contains("line 3: missing \"target_document\"").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dialogs.outcomes).singleElement().satisfies(outcome -> assertThat(outcome.refused()).isTrue());
        assertThat(workbench.session().current().stats().samples()).isEqualTo(samplesBefore);
    }

    @Test
    void importingADatasetThatPointsAtALocalFileOutsideItsFolderIsRefused(FxRobot robot) throws Exception {
        // Issue #18: the workbench import follows the same document rules as juror import.
        Path secret = Files.writeString(Files.createTempDirectory(folder, "elsewhere").resolve("credentials"),
                "aws_secret_access_key=XYZ");
        Path data = Files.createTempDirectory(folder, "data");
        Path jsonl = Files.writeString(data.resolve("in.jsonl"),
                "{\"id\":\"leak\",\"target_document\":{\"path\":\"" + secret + "\"}}\n");
        dialogs.nextImportFile = jsonl;
        long samplesBefore = workbench.session().current().stats().samples();

        robot.press(KeyCode.CONTROL).type(KeyCode.I).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        String shown = robot.lookup("#importOutcomeText").queryAs(TextArea.class).getText();
        assertThat(shown).contains("line 1: target_document.path").contains("is outside the folder of the JSONL file")
                .doesNotContain("XYZ");
        assertThat(workbench.session().current().stats().samples()).isEqualTo(samplesBefore);
    }

    @Test
    void openingAWorkspaceWhoseDatabaseIsReadOnlyShowsOneSentence(FxRobot robot) throws Exception {
        Path other = Files.createTempDirectory(folder, "readonly");
        dev.juror.store.Workspace.open(other).close();
        Path db = other.resolve(dev.juror.store.Workspace.DATABASE_FILE);
        try {
            dev.juror.testing.SpecialFiles.readOnly(db);
            dialogs.nextFolder = other;

            robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(dialogs.errors).singleElement().isEqualTo("Cannot open the workspace: Workspace database "
                    + db.toAbsolutePath() + " is read-only; make the file writable, or copy the workspace to a folder"
                    + " you may write and open that (--workspace DIR).");
        } finally {
            dev.juror.testing.SpecialFiles.writable(db);
        }
    }
}
