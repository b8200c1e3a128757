package dev.juror.app.judge;

import dev.juror.app.ShippedRubric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeRunStatus;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.WorkspaceLookups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The judge runs screen alone (FXML, view and view model) over a {@link RunReader} answering from
 * memory: no workspace database, no workbench. The scene is the screen's share of a 1280x800 window
 * (less the rail, menu and status bar), the size at which no column header or placeholder may be cut.
 */
@ExtendWith(ApplicationExtension.class)
class JudgeRunsScreenAloneTest {

    /** 1280x800 less the navigation rail (about 170 px) and the menu and status bars (about 70 px). */
    private static final double WIDTH = 1110;
    private static final double HEIGHT = 730;

    private JudgeRunsViewModel viewModel;
    private final FakeReader reader = new FakeReader();

    @Start
    void start(Stage stage) {
        viewModel = new JudgeRunsViewModel(new InlineBackgroundTasks(), Settings::defaults);
        Parent root = ViewLoader.load(new JudgeRunsView(viewModel), "JudgeRunsView.fxml");
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        viewModel.show(null, reader);
    }

    @Test
    void showsTheRubricsSamplesAndRunsTheReaderAnswers(FxRobot robot) {
        assertThat(viewModel.form().rubrics()).extracting(RubricChoice::fileName).containsExactly("contract-review.yaml");
        assertThat(viewModel.form().samples()).containsExactly("cr-01-agape-odm-supply", "cr-02-medalist-consulting");
        ListView<?> runs = robot.lookup("#runList").queryAs(ListView.class);
        assertThat(runs.getItems()).hasSize(1);
        assertThat(runs.getItems().get(0).toString()).startsWith("#7  finished  contract-review@");
        TableView<?> results = robot.lookup("#resultTable").queryAs(TableView.class);
        assertThat(results.getItems()).hasSize(2);
    }

    @Test
    void aSelectedResultShowsItsScoresAndRawOutput(FxRobot robot) {
        robot.interact(() -> viewModel.list().selectedResultProperty().set(viewModel.list().results().get(0)));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> scores = robot.lookup("#scoreTable").queryAs(TableView.class);
        assertThat(scores.getItems()).hasSize(2);
        assertThat(robot.lookup("#rawOutput").queryAs(CodeArea.class).getText()).isEqualTo(FakeReader.RAW);
        assertThat(robot.lookup("#resultProblem").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aFailedResultShowsItsCause(FxRobot robot) {
        robot.interact(() -> viewModel.list().selectedResultProperty().set(viewModel.list().results().get(1)));
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#resultProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("schema_error: missing_comment: no entry for comment c2");
    }

    @Test
    void noColumnHeaderIsCutAtTheScreensShareOf1280x800(FxRobot robot) {
        robot.interact(() -> viewModel.list().selectedResultProperty().set(viewModel.list().results().get(0)));
        WaitForAsyncUtils.waitForFxEvents();

        for (String table : List.of("#resultTable", "#scoreTable")) {
            Node tableNode = robot.lookup(table).query();
            List<Labeled> headers = robot.from(tableNode).lookup(".column-header .label")
                    .queryAllAs(Labeled.class).stream().toList();
            assertThat(headers).as(table).isNotEmpty();
            for (Labeled header : headers) {
                assertThat(shownText(header)).as(table + " header").isEqualTo(header.getText());
            }
        }
    }

    @Test
    void thePlaceholderOfTheScoresIsShownWhole(FxRobot robot) {
        TableView<?> scores = robot.lookup("#scoreTable").queryAs(TableView.class);
        Labeled placeholder = (Labeled) scores.getPlaceholder();
        assertThat(placeholder.isVisible()).isTrue();
        // A wrapped label shows all its words across lines; a cut one ends in an ellipsis.
        assertThat(shownText(placeholder).replace('\n', ' ')).doesNotContain("…").doesNotContain("...");
        assertThat(shownText(placeholder).replaceAll("\\s+", " ")).isEqualTo(placeholder.getText());
    }

    @Test
    void theBatchChoiceFollowsConcurrencyOnTabAndShowsItsFieldsErrorsAndPreviewWhole(FxRobot robot) {
        javafx.scene.control.Spinner<?> concurrency = robot.lookup("#runConcurrency").queryAs(javafx.scene.control.Spinner.class);
        javafx.scene.control.ComboBox<?> choice = robot.lookup("#runCallMode").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(choice.isDisabled()).as("the heuristic judge cannot batch").isTrue();
        assertThat(robot.lookup("#runCallModeHint").queryAs(Label.class).getText()).contains("need the bedrock provider");

        robot.interact(() -> viewModel.form().providerProperty().set("bedrock"));
        robot.interact(() -> concurrency.getEditor().requestFocus());
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(choice.isFocused()).as("Tab from Concurrency reaches the choice").isTrue();

        robot.interact(() -> viewModel.form().batch().modeProperty().set(CallMode.BATCH));
        robot.clickOn("#startRun");
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.TextField s3 = robot.lookup("#runS3Prefix").queryAs(javafx.scene.control.TextField.class);
        assertThat(s3.isVisible()).isTrue();
        assertThat(robot.lookup("#runRoleArn").queryAs(javafx.scene.control.TextField.class).isVisible()).isTrue();
        assertThat(viewModel.runningProperty().get()).isFalse();
        Label preview = robot.lookup("#runCostPreview").queryAs(Label.class);
        assertThat(preview.getText()).startsWith("88 calls, about 2,950 input and 450 output tokens each: on demand"
                + " 14.09 USD, batch 7.05 USD").contains("needs at least 100 records");
        for (String id : List.of("#runS3PrefixError", "#runRoleArnError", "#runCallModeHint", "#runCostPreview")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            assertThat(label.isVisible()).as(id).isTrue();
            assertThat(label.getText()).as(id).isNotEmpty();
            assertThat(shownText(label).replaceAll("\\s+", " ")).as(id + " shown whole")
                    .isEqualTo(label.getText().replaceAll("\\s+", " "));
        }
        assertThat(robot.lookup("#runS3PrefixError").queryAs(Label.class).getText()).startsWith("Give the S3 folder");
        // The field names stay whole beside their fields.
        for (Label name : robot.lookup(".judge-form-grid .label").queryAllAs(Label.class)) {
            if (name.isVisible() && javafx.scene.layout.GridPane.getColumnSpan(name) == null) {
                assertThat(shownText(name)).as("field name").isEqualTo(name.getText());
            }
        }
    }

    /** The text a label actually draws (its skin's Text node), ellipsis included when it is cut. */
    private static String shownText(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : labeled.getText();
    }

    /** Two samples, one finished run of two results (one ok, one schema error), two scores. */
    private static final class FakeReader implements RunReader {

        static final String RAW = "{\"comments\":[{\"comment_id\":\"c1\"}]}";
        private final Rubric rubric;

        FakeReader() {
            rubric = ShippedRubric.contractReview();
        }

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(rubric);
        }

        @Override
        public List<String> sampleIds() {
            return List.of("cr-01-agape-odm-supply", "cr-02-medalist-consulting");
        }

        @Override
        public List<StoredJudgeRun> runs() {
            return List.of(new StoredJudgeRun(7, "contract-review", CanonicalForm.version(rubric), "", "heuristic",
                    "heuristic-v1", "{}", 1, "all", List.of(1L, 2L), Instant.EPOCH, JudgeRunStatus.FINISHED,
                    Optional.of(Instant.EPOCH), Map.of("ok", 1, "schema_error", 1), new long[4], 900, 0, List.of(),
                    FailureThreshold.NONE, Optional.empty()));
        }

        @Override
        public List<WorkspaceLookups.RunResult> resultsOf(long runId) {
            return runId != 7 ? List.of() : List.of(
                    new WorkspaceLookups.RunResult(result(71, 1, "ok", RAW, "", "", OptionalDouble.of(4.5)),
                            "cr-01-agape-odm-supply"),
                    new WorkspaceLookups.RunResult(result(72, 2, "schema_error", "{}", "no entry for comment c2",
                            "missing_comment", OptionalDouble.empty()), "cr-02-medalist-consulting"));
        }

        @Override
        public dev.juror.workspace.judging.JudgeRunEstimate.Estimate estimate(RubricChoice rubric, String model,
                List<String> sampleIds, int repeats) {
            dev.juror.export.JudgeRunCost cost = new dev.juror.export.JudgeRunCost(88, 2950, 450,
                    new dev.juror.export.JudgeRunCost.Amount.Known(0.16, 14.09),
                    new dev.juror.export.JudgeRunCost.Amount.Known(0.08, 7.05), true);
            return new dev.juror.workspace.judging.JudgeRunEstimate.Estimate("contract-review", "v", "m", 44, 2, 88,
                    2950, 3100, 450, true, "basis", cost, "USD", "prices.yaml", false, 0, 0);
        }

        @Override
        public List<WorkspaceLookups.RunResult> resultsAfter(long runId, long afterId) {
            return List.of();
        }

        @Override
        public List<JudgeScoreDetail> scoreDetailsOf(long resultId) {
            return resultId != 71 ? List.of() : List.of(
                    new JudgeScoreDetail(0, "c1", "TargetDocument_Grounding", 5, "5", "quotes the clause verbatim"),
                    new JudgeScoreDetail(0, "c1", "Actionability", 4, "4", "names the change to make"));
        }

        private static JudgeResultRow result(long id, long rollout, String status, String raw, String error,
                                             String kinds, OptionalDouble score) {
            return new JudgeResultRow(id, 7, rollout, OptionalLong.empty(), 0, status, "heuristic-v1", raw, error,
                    kinds, 450, 1, 0, 0, 0, 0, score, false, Instant.EPOCH);
        }
    }
}
