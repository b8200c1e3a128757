package dev.juror.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training screen alone (FXML, view, charts and view model) over a port answering from memory,
 * at the size it has in a 1280x800 window beside the rail: the empty state, the six charts with the
 * report's alarms and checkpoints, a click on a chart listing the step's records, the alarm list
 * choosing a step, and the review desk asked for the nearest checkpoint.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingScreenAloneTest {

    private final AtomicReference<TrainingData> open = new AtomicReference<>(FakeTrainingData.withOneRun(300));
    private final List<CheckpointForReview> opened = new ArrayList<>();
    private TrainingViewModel model;

    @Start
    void start(Stage stage) {
        model = new TrainingViewModel(new InlineBackgroundTasks(), open::get, opened::add);
        Parent root = ViewLoader.load(new TrainingView(model), "TrainingView.fxml");
        Scene scene = new Scene(root, 1150, 740);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        model.reload();
    }

    @Test
    void drawsTheSixChartsWithAlarmsAndListsTheAlarms(FxRobot robot) {
        assertThat(robot.lookup("#trainingContent").query().isVisible()).isTrue();
        assertThat(robot.lookup("#trainingEmpty").query().isVisible()).isFalse();
        StepChart length = robot.lookup("#chartLength").queryAs(StepChart.class);
        assertThat(length.panel().title()).isEqualTo(TrainingChartsBuilder.LENGTH);
        assertThat(length.panel().markers()).extracting(TrainingCharts.Marker::step).containsExactly(120);
        StepChart agreement = robot.lookup("#chartAgreement").queryAs(StepChart.class);
        assertThat(agreement.panel().whiskers()).hasSize(2);
        assertThat(robot.lookup("#trainingAlarms").queryListView().getItems()).hasSize(2);
        javafx.scene.control.TitledPane notes = robot.lookup("#trainingNotes").queryAs(javafx.scene.control.TitledPane.class);
        assertThat(notes.isVisible()).isTrue();
        assertThat(notes.getText()).isEqualTo("What this report could not compute (1)");
        assertThat(robot.lookup("#trainingNotesText").queryAs(Label.class).getText())
                .isEqualTo("• score_shift: the bundle's evidence has no score distribution.");
        for (String id : List.of("#chartReward", "#chartLength", "#chartComments", "#chartFallback",
                "#chartScoreShift", "#chartAgreement")) {
            Bounds b = robot.lookup(id).query().getBoundsInLocal();
            assertThat(b.getHeight()).as(id + " height").isGreaterThan(120);
            assertThat(b.getWidth()).as(id + " width").isGreaterThan(250);
        }
    }

    @Test
    void hoveringAnAlarmMarkerNamesTheDetectorAndEvidence(FxRobot robot) {
        StepChart length = robot.lookup("#chartLength").queryAs(StepChart.class);
        String[] text = new String[1];
        robot.interact(() -> text[0] = length.hoverText(-1, -1));
        assertThat(text[0]).as("outside the plot").isNull();
        Node canvas = length.getChildrenUnmodifiable().get(0);
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        // the marker sits on the line at step 120; find it by sweeping the plot's height at its x
        double x = frameX(length, 120);
        String found = null;
        for (double y = 0; y < b.getHeight() && found == null; y += 2) {
            double at = y;
            String[] t = new String[1];
            robot.interact(() -> t[0] = length.hoverText(x, at));
            if (t[0] != null && t[0].startsWith("Alarm:")) {
                found = t[0];
            }
        }
        assertThat(found).isEqualTo("Alarm: verbosity at step 120\nreward rose 0.12 while the mean length rose 30 %"
                + " over steps 80-120");
    }

    private static double frameX(StepChart chart, int step) {
        return chart.xOf(step);
    }

    @Test
    void clickingAChartListsTheStepsRecordsAndOpensTheNearestCheckpoint(FxRobot robot) {
        StepChart reward = robot.lookup("#chartReward").queryAs(StepChart.class);
        Bounds b = reward.localToScreen(reward.getBoundsInLocal());
        robot.clickOn(b.getMinX() + frameX(reward, 160), b.getMinY() + b.getHeight() / 2);
        WaitForAsyncUtils.waitForFxEvents();

        int step = model.selectedStepProperty().get();
        assertThat(step).isBetween(155, 165);
        assertThat(robot.lookup("#trainingStepTitle").queryAs(Label.class).getText())
                .isEqualTo("Step " + step + ": 12 records; the 5 highest and 5 lowest rewards");
        TableView<?> records = robot.lookup("#trainingRecords").queryTableView();
        assertThat(records.getItems()).hasSize(10);
        robot.interact(() -> records.getSelectionModel().select(0));
        assertThat(robot.lookup("#trainingPrediction").queryAs(TextArea.class).getText()).contains("prediction 11");
        robot.interact(() -> records.getSelectionModel().select(5));
        assertThat(robot.lookup("#trainingPrediction").queryAs(TextArea.class).getText())
                .startsWith("The prediction text was not logged");

        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertThat(model.selectedStepProperty().get()).as("Right on the clicked chart").isEqualTo(step + 1);

        Button openButton = robot.lookup("#trainingOpenInReview").queryButton();
        assertThat(openButton.isDisabled()).isFalse();
        robot.clickOn(openButton);
        assertThat(opened).extracting(CheckpointForReview::checkpoint).containsExactly("ckpt-200");
    }

    @Test
    void choosingAnAlarmChoosesItsStep(FxRobot robot) {
        ListView<?> alarms = robot.lookup("#trainingAlarms").queryListView();
        robot.interact(() -> alarms.getSelectionModel().select(0));

        assertThat(model.selectedStepProperty().get()).isEqualTo(120);
        assertThat(robot.lookup("#trainingRecords").queryTableView().getItems()).hasSize(10);
    }

    @Test
    void aWorkspaceWithoutRunsShowsHowToImportOne(FxRobot robot) {
        robot.interact(() -> {
            open.set(new FakeTrainingData());
            model.reload();
        });

        assertThat(robot.lookup("#trainingEmpty").query().isVisible()).isTrue();
        assertThat(robot.lookup("#trainingContent").query().isVisible()).isFalse();
        assertThat(robot.lookup("#trainingEmptyCommand").queryAs(Label.class).getText())
                .isEqualTo("juror watch import --run NAME FILE");
    }
}
