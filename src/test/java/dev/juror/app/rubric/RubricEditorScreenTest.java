package dev.juror.app.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.app.shell.ScreenId;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rubric editor on the seeded contract-review rubric: an edit re-renders the preview (after
 * the debounce, on the real FX clock), Ctrl+S writes a new version, an empty level is shown at its
 * field and blocks the save, and Ctrl+Z takes the edit back.
 */
@ExtendWith(ApplicationExtension.class)
class RubricEditorScreenTest {

    private static final String ORIGINAL_VERSION = "1081aa34ffd6";

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Path rubricFile;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).start(stage);
        workbench = fixture.workbench();
        rubricFile = fixture.workspaceDir().resolve("rubrics").resolve("contract-review.yaml");
        workbench.shell().show(ScreenId.RUBRICS);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEditReRendersThePreviewAndSaveWritesANewVersion(FxRobot robot) throws Exception {
        waitUntil(() -> preview(robot).contains("Verbatim quote of the TargetDocument, limited to the clause"));
        assertThat(label(robot, "#versionLabel")).isEqualTo("version " + ORIGINAL_VERSION);
        assertThat(preview(robot)).doesNotContain("Zebra clause");

        TextArea level5 = robot.lookup("#field-dimensions-0-levels-5").queryAs(TextArea.class);
        robot.interact(level5::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.END).write(" Zebra clause.");
        waitUntil(() -> preview(robot).contains("Zebra clause."));
        assertThat(label(robot, "#versionLabel")).contains("unsaved");

        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !label(robot, "#versionLabel").contains(ORIGINAL_VERSION));

        Rubric saved = new RubricYaml().read(rubricFile);
        assertThat(saved.dimensions().get(0).level("5")).endsWith("in negotiation (for example uncapped liability,"
                + " a one-sided indemnity, a missing termination right, loss of intellectual property, an"
                + " unenforceable restriction). Zebra clause.");
        String newVersion = CanonicalForm.version(saved);
        assertThat(newVersion).isNotEqualTo(ORIGINAL_VERSION);
        assertThat(label(robot, "#versionLabel")).isEqualTo("version " + newVersion);
        assertThat(label(robot, "#statusLabel")).contains(newVersion).contains("was " + ORIGINAL_VERSION);
        String diff = robot.lookup("#rubric-diff").queryAs(CodeArea.class).getText();
        assertThat(diff).contains(ORIGINAL_VERSION + " -> " + newVersion);
        assertThat(diff.lines().filter(l -> l.startsWith("+ ")).toList()).anyMatch(l -> l.contains("Zebra clause."));
        assertThat(diff.lines().filter(l -> l.startsWith("- ")).toList()).isNotEmpty()
                .noneMatch(l -> l.contains("Zebra clause."));
    }

    @Test
    void anEmptyLevelIsShownAtItsFieldBlocksSaveAndUndoBringsItBack(FxRobot robot) throws Exception {
        waitUntil(() -> preview(robot).contains("# Scoring dimensions"));
        String before = Files.readString(rubricFile);
        TextArea level3 = robot.lookup("#field-dimensions-1-levels-3").queryAs(TextArea.class);
        String original = level3.getText();

        robot.interact(level3::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE);
        Label problem = robot.lookup("#problem-dimensions-1-levels-3").queryAs(Label.class);
        waitUntil(problem::isVisible);
        assertThat(problem.getText()).contains("is empty").contains("level 3");
        assertThat(robot.lookup("#field-dimensions-1-levels-3").queryAs(TextArea.class).getStyleClass())
                .contains("field-invalid");

        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#statusLabel")).startsWith("Not saved");
        assertThat(Files.readString(rubricFile)).isEqualTo(before);

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> !robot.lookup("#problem-dimensions-1-levels-3").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#field-dimensions-1-levels-3").queryAs(TextArea.class).getText()).isEqualTo(original);
    }

    @Test
    void tryOnThisSampleUsesTheChosenJudge(FxRobot robot) throws Exception {
        waitUntil(() -> preview(robot).contains("# Scoring dimensions"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> judge = robot.lookup("#trialJudgeChoice").queryAs(
                javafx.scene.control.ComboBox.class);
        assertThat(judge.getValue()).isEqualTo("heuristic");

        robot.clickOn("#tryButton");
        waitUntil(() -> trial(robot).contains("heuristic-v1"));

        // An LLM judge is called with the Settings dialog's provider settings: here the default
        // OpenAI-compatible base URL, where nothing listens, so the trial shows the failure and its cause.
        robot.interact(() -> judge.setValue("openai"));
        robot.clickOn("#tryButton");
        waitUntil(() -> trial(robot).contains("api_error"));
        assertThat(trial(robot)).doesNotContain("heuristic-v1").contains("Error:");
    }

    private static String trial(FxRobot robot) {
        return robot.lookup("#trialText").queryAs(TextArea.class).getText();
    }

    private static String preview(FxRobot robot) {
        return robot.lookup("#rubric-preview").queryAs(CodeArea.class).getText();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
