package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.ShippedRubric;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.ui.Themes;
import dev.juror.app.ui.ViewLoader;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredLabel;
import dev.juror.store.StoredQueue;
import dev.juror.store.StoredRollout;
import dev.juror.workspace.queues.QueueRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk's Queue box on screen (FXML, view, view model) over a source answering from memory:
 * it lists the stored queue after the filters, choosing it leaves Ann's two rollouts of three, and
 * "New queue..." opens the dialog, hands the source what was filled in and chooses the new queue.
 */
@ExtendWith(ApplicationExtension.class)
class QueueBoxTest {

    private static final List<QueueEntry> ENTRIES = List.of(
            new QueueEntry("s1", 1, 0, "a", 1, true), new QueueEntry("s1", 2, 1, "b", 1, true),
            new QueueEntry("s2", 3, 0, "a", 1, true));
    private static final StoredQueue WEEK = queue(1, "week 49", Map.of("Ann", List.of(3L, 1L), "Bea", List.of(2L)));

    private final QueueSource source = new QueueSource();
    private ReviewDeskViewModel desk;

    private static StoredQueue queue(long id, String name, Map<String, List<Long>> items) {
        Map<String, List<Long>> ordered = new LinkedHashMap<>();
        items.keySet().stream().sorted().forEach(l -> ordered.put(l, items.get(l)));
        return new StoredQueue(id, name, "fresh", OptionalLong.empty(), "", "", 1, 2, 1, List.copyOf(ordered.keySet()),
                "carol", Instant.EPOCH, ordered);
    }

    @Start
    void start(Stage stage) {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        desk = new ReviewDeskViewModel(tasks, () -> "Ann", Clock.systemUTC());
        Parent root = ViewLoader.load(new ReviewDeskView(desk, tasks), "ReviewDeskView.fxml");
        Scene scene = new Scene(root, 1280, 760);
        Themes.apply(scene, Settings.defaults());
        stage.setScene(scene);
        stage.show();
        desk.load(source);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<QueueChoice> box(FxRobot robot) {
        return robot.lookup("#filterChoice").queryAs(ComboBox.class);
    }

    @Test
    void theBoxListsTheStoredQueueAndChoosingItShowsMyRollouts(FxRobot robot) {
        ComboBox<QueueChoice> box = box(robot);
        assertThat(box.getItems()).extracting(Object::toString).containsExactly("Unlabelled by me", "All rollouts",
                "Flagged", "Disagreements", "Needs adjudication", "Queue: week 49", "New queue\u2026");
        robot.interact(() -> box.getSelectionModel().select(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desk.queue()).extracting(QueueEntry::rolloutId).containsExactly(3L, 1L);
        assertThat(desk.progressProperty().get()).isEqualTo("Ann 0/2 \u00B7 Bea 0/1");
    }

    @Test
    void newQueueOpensTheDialogAndChoosesTheQueueItMakes(FxRobot robot) {
        ComboBox<QueueChoice> box = box(robot);
        robot.interact(() -> box.getSelectionModel().select(box.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#queueNameField").queryAs(TextField.class);
        assertThat(box.getValue()).hasToString("Unlabelled by me"); // the box went back while the dialog is open
        assertThat(robot.lookup("#queueLabellersField").queryAs(TextField.class).getText()).isEqualTo("Ann");
        robot.interact(() -> name.setText("mine"));
        Button ok = (Button) ((javafx.scene.control.DialogPane) name.getScene().getRoot())
                .lookupButton(javafx.scene.control.ButtonType.OK);
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(source.requests).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("mine");
            assertThat(r.labellers()).containsExactly("Ann");
            assertThat(r.count()).isEqualTo(20);
            assertThat(r.overlap()).isEqualTo(1);
        });
        assertThat(box.getValue()).hasToString("Queue: mine");
        assertThat(desk.queue()).extracting(QueueEntry::rolloutId).containsExactly(2L);
        assertThat(Window.getWindows()).hasSize(1);
    }

    private static final class QueueSource implements NoJudgeSource {

        final List<QueueRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(ShippedRubric.contractReview());
        }

        @Override
        public List<QueueEntry> queue() {
            return ENTRIES;
        }

        @Override
        public List<StoredLabel> latestLabels() {
            return List.of();
        }

        @Override
        public OpenedRollout open(QueueEntry entry, boolean responseLevel) {
            List<StoredComment> comments = List.of(new StoredComment(entry.rolloutId(), entry.rolloutId(), 0, "c1",
                    "thirty days", "Say which days count.", "clarity", "Write calendar days."));
            StoredRollout rollout = new StoredRollout(entry.rolloutId(), entry.sampleId(), entry.index(), "{}", "h",
                    null, entry.model(), Map.of(), Instant.EPOCH, comments);
            return new OpenedRollout(entry, "Delivery within thirty days.", "", rollout, List.of(new ReviewItem(0, "c1",
                    "thirty days", "Say which days count.", "clarity", "Write calendar days.", null)));
        }

        @Override
        public List<StoredLabel> submit(List<NewLabel> labels) {
            return List.of();
        }

        @Override
        public List<StoredQueue> queues() {
            return List.of(WEEK);
        }

        @Override
        public StoredQueue createQueue(QueueRequest request) {
            requests.add(request);
            return QueueBoxTest.queue(2, request.name(), Map.of("Ann", List.of(2L)));
        }
    }
}
