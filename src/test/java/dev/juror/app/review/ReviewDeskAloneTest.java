package dev.juror.app.review;

import dev.juror.app.ShippedRubric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.Rubric;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredRollout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review desk alone (FXML, view and view model) over a {@link ReviewSource} answering from
 * memory: no workspace database, no workbench. One rollout with two comments; labelling the first by
 * keyboard hands the source one submit of a label per dimension and moves to the second comment.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDeskAloneTest {

    private final FakeSource source = new FakeSource();
    private ReviewDeskViewModel desk;

    @Start
    void start(Stage stage) {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        desk = new ReviewDeskViewModel(tasks, () -> "Ann", Clock.systemUTC(), JudgeScoreLookup.NONE);
        Parent root = ViewLoader.load(new ReviewDeskView(desk, tasks), "ReviewDeskView.fxml");
        Scene scene = new Scene(root, 1110, 730);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        desk.load(source);
        root.requestFocus();
    }

    @Test
    void opensTheSourcesRolloutWithItsComments(FxRobot robot) {
        assertThat(desk.currentProperty().get().entry()).isEqualTo(FakeSource.ENTRY);
        assertThat(robot.lookup("#rolloutTitle").queryAs(Label.class).getText()).contains("cr-01-agape-odm-supply");
        assertThat(robot.lookup("#card-0").tryQuery()).isPresent();
        assertThat(robot.lookup("#card-1").tryQuery()).isPresent();
        assertThat(desk.selectedProperty().get()).isZero();
    }

    @Test
    void aLabelTypedOnTheKeyboardIsOneSubmitToTheSource(FxRobot robot) {
        robot.type(KeyCode.DIGIT4).type(KeyCode.TAB).type(KeyCode.DIGIT3).type(KeyCode.TAB)
                .type(KeyCode.DIGIT5).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.submits).hasSize(1);
        List<NewLabel> submitted = source.submits.get(0);
        List<String> dimensions = source.rubric.dimensionNames();
        assertThat(submitted).extracting(NewLabel::dimension).containsExactlyElementsOf(dimensions);
        assertThat(submitted).extracting(NewLabel::score).containsExactly("4", "3", "5");
        assertThat(submitted).allSatisfy(label -> {
            assertThat(label.labeller()).isEqualTo("Ann");
            assertThat(label.rolloutId()).isEqualTo(FakeSource.ENTRY.rolloutId());
            assertThat(label.commentPosition()).isZero();
        });
        // Enter moved on to the comment Ann has not labelled yet.
        assertThat(desk.selectedProperty().get()).isEqualTo(1);
    }

    /** One rollout of one sample, two comments; submits are kept in memory and echoed as stored. */
    private static final class FakeSource implements ReviewSource {

        static final QueueEntry ENTRY = new QueueEntry("cr-01-agape-odm-supply", 11, 0, "demo-policy-a", 2, true);
        private static final String TARGET = "The Supplier shall deliver the Goods within thirty days.";

        final Rubric rubric;
        final List<List<NewLabel>> submits = new CopyOnWriteArrayList<>();
        private final List<StoredLabel> stored = new CopyOnWriteArrayList<>();

        FakeSource() {
            rubric = ShippedRubric.contractReview();
        }

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(rubric);
        }

        @Override
        public List<QueueEntry> queue() {
            return List.of(ENTRY);
        }

        @Override
        public List<StoredLabel> latestLabels() {
            return List.copyOf(stored);
        }

        @Override
        public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
            List<StoredComment> comments = List.of(
                    new StoredComment(1, entry.rolloutId(), 0, "c1", "within thirty days", "Say which days count.",
                            "clarity", "Write \"thirty calendar days\"."),
                    new StoredComment(2, entry.rolloutId(), 1, "c2", "the Goods", "Define the Goods.", "definition",
                            "Refer to Schedule 1."));
            StoredRollout rollout = new StoredRollout(entry.rolloutId(), entry.sampleId(), 0, "{}", "hash", null,
                    entry.model(), Map.of(), Instant.EPOCH, comments);
            List<ReviewItem> items = new ArrayList<>();
            for (StoredComment c : comments) {
                items.add(new ReviewItem(c.position(), c.commentId(), c.textExcerpt(), c.comment(), c.commentType(),
                        c.recommendedAction(), null));
            }
            return new OpenedRollout(entry, TARGET, "", rollout, items);
        }

        @Override
        public List<StoredLabel> submit(List<NewLabel> labels) {
            submits.add(List.copyOf(labels));
            List<StoredLabel> now = labels.stream().map(l -> new StoredLabel(stored.size() + 1, "uid-" + l.dimension(),
                    l.labeller(), l.rolloutId(), l.commentPosition(), l.commentId(), l.dimension(), l.score(),
                    l.note(), l.secondsSpent(), l.rubricVersion(), l.judgeHidden(), l.flagged(), Instant.EPOCH,
                    "desk")).toList();
            stored.addAll(now);
            return now;
        }
    }
}
