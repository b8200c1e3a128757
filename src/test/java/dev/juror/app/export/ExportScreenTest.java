package dev.juror.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The export wizard on a fresh workspace (no verdict): the Lambda package is blocked with the
 * reason until the UNVALIDATED override is ticked, the budget follows the fields, and the bundle
 * is written. The Lambda jars come from {@code target/lib/lambda} (built at process-classes), found
 * by {@link dev.juror.export.LambdaJars} as in {@code LambdaExportAndInvokeTest}.
 */
@ExtendWith(ApplicationExtension.class)
class ExportScreenTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).start(stage);
        workbench = fixture.workbench();
        out = fixture.runDir().resolve("bundle");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anUnvalidatedLambdaExportIsBlockedUntilTheOverrideThenWritesTheBundle(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#kindLambda");
        TextField output = robot.lookup("#outputField").queryAs(TextField.class);
        robot.interact(() -> output.setText(out.toString()));
        assertThat(robot.lookup("#modelField").queryAs(TextField.class).getText()).isNotBlank();
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#gateStatus").queryAs(Label.class).getText()).startsWith("NOT VALIDATED");
        VBox reasons = robot.lookup("#gateReasonsBox").queryAs(VBox.class);
        assertThat(reasons.getChildren()).singleElement()
                .satisfies(n -> assertThat(((Label) n).getText()).contains("no verdict recorded for rubric version"));
        Button next = robot.lookup("#nextButton").queryAs(Button.class);
        assertThat(next.isDisabled()).as("blocked while not validated").isTrue();
        robot.clickOn("#overrideCheck");
        assertThat(robot.lookup("#overrideCheck").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(next.isDisabled()).isFalse();
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();

        // The planner follows the fields: 64 x 8 = 512 calls per step by default, 32 x 8 after the edit.
        Label callsPerStep = robot.lookup("#budget-result-0").queryAs(Label.class);
        assertThat(callsPerStep.getText()).isEqualTo("512");
        TextField prompts = robot.lookup("#budget-prompts-per-step").queryAs(TextField.class);
        robot.interact(() -> prompts.setText("32"));
        assertThat(robot.lookup("#budget-result-0").queryAs(Label.class).getText()).isEqualTo("256");
        // Few judge calls per invocation: the trainer needs several Lambdas at once to keep the step short.
        robot.interact(() -> robot.lookup("#budget-concurrency").queryAs(TextField.class).setText("4"));
        String limit = robot.lookup("#budget-concurrency-limit").queryAs(Label.class).getText();
        assertThat(Integer.parseInt(limit)).isGreaterThan(1);
        robot.interact(() -> robot.lookup("#budget-judge-rpm").queryAs(TextField.class).setText("x"));
        assertThat(robot.lookup("#exportButton").queryAs(Button.class).isDisabled()).as("no plan, no export").isTrue();
        // A small request quota carries fewer calls in flight, so fewer concurrent Lambdas are useful.
        robot.interact(() -> robot.lookup("#budget-judge-rpm").queryAs(TextField.class).setText("20"));
        assertThat(Integer.parseInt(robot.lookup("#budget-concurrency-limit").queryAs(Label.class).getText()))
                .isLessThan(Integer.parseInt(limit));

        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<String> written = robot.lookup("#writtenList").queryAs(ListView.class);
        assertThat(written.getItems()).as(robot.lookup("#exportMessage").queryAs(Label.class).getText())
                .anyMatch(f -> f.endsWith("reward-lambda.zip")).anyMatch(f -> f.endsWith("budget.md"));
        assertThat(out.resolve("reward-lambda.zip")).isNotEmptyFile();
        var overrides = new ObjectMapper().readTree(out.resolve("training-overrides.json").toFile());
        assertThat(overrides.has("_juror_unvalidated")).isTrue();
        assertThat(Files.readString(out.resolve("budget.md"))).contains("UNVALIDATED")
                .contains("| prompts per step (`global_batch_size`, `--prompts-per-step`) | 32 |");
    }
}
