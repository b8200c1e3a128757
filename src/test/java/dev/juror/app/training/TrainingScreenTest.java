package dev.juror.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import dev.juror.app.review.ReviewDeskViewModel;
import dev.juror.app.shell.ScreenId;
import dev.juror.store.StoredQueue;
import dev.juror.testing.watch.TrainingWorkspaces;
import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javafx.scene.control.Label;
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

/**
 * The Training screen in the whole workbench, on a workspace holding a made-up training run (60 steps
 * of 9 records, imported as {@code juror watch import} does) and checkpoint rollouts at steps 20 and
 * 40, checkpoint 40 with a review queue for Ann: Ctrl+7 shows the run's charts; a step opens the
 * nearest checkpoint's rollouts in the review desk, through its queue when it has one.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingScreenTest {

    @TempDir
    static Path folder;

    private WorkbenchFixture fixture;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        fixture = WorkbenchFixture.under(folder).prepare(ws -> {
            Path files = Files.createTempDirectory(folder, "watch");
            TrainingWorkspaces.importRun(ws, files, "rft-1", 60, 9, List.of(20, 40));
            new ReviewQueues(ws).create(new QueueRequest("ckpt-40 experts", QueueStrategy.CHECKPOINT,
                    OptionalLong.empty(), 9, 1, List.of("Ann"), OptionalLong.of(4), "ckpt-40", "", "Ann"));
        }).start(stage);
        workbench = fixture.workbench();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void ctrl7ShowsTheRunAndAStepOpensItsCheckpointsQueueInTheDesk(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        TrainingViewModel training = workbench.training();
        assertThat(workbench.shell().screenProperty().get()).isEqualTo(ScreenId.TRAINING);
        assertThat(training.runProperty().get().toString()).isEqualTo("rft-1 · 540 records · steps 1–60");
        assertThat(training.chartsProperty().get().steps()).hasSize(60);
        assertThat(robot.lookup("#trainingMessage").queryAs(Label.class).getText())
                .startsWith("rft-1: 540 records over 60 steps; each record carried its own step.");

        robot.interact(() -> training.selectStep(45));
        assertThat(training.stepRecords()).hasSize(9);
        assertThat(training.checkpointTextProperty().get())
                .isEqualTo("Nearest checkpoint: ckpt-40 (step 40, 9 rollouts): the desk opens its review queue"
                        + " ckpt-40 experts.");
        robot.clickOn("#trainingOpenInReview");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.shell().screenProperty().get()).isEqualTo(ScreenId.REVIEW);
        ReviewDeskViewModel desk = workbench.review();
        assertThat(desk.queueChoices().chosenQueue()).map(StoredQueue::name).hasValue("ckpt-40 experts");
        assertThat(desk.queue()).hasSize(9);
    }

    @Test
    void aCheckpointWithoutAQueueOpensItsFirstRollout(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT7).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TrainingViewModel training = workbench.training();

        robot.interact(() -> training.selectStep(12));
        assertThat(training.checkpointProperty().get().checkpoint()).isEqualTo("ckpt-20");
        robot.clickOn("#trainingOpenInReview");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.shell().screenProperty().get()).isEqualTo(ScreenId.REVIEW);
        var opened = workbench.review().currentProperty().get();
        assertThat(opened.entry().sampleId()).isEqualTo("cr-01-agape-odm-supply");
        assertThat(opened.entry().index()).as("the sample's first checkpoint rollout, after its 6 shipped ones")
                .isEqualTo(6);
    }
}
