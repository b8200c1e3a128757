package dev.juror.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.SeededWorkspace;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.store.StoredQueue;
import dev.juror.store.Workspace;
import dev.juror.workspace.queues.QueueRequest;
import dev.juror.workspace.queues.QueueStrategy;
import dev.juror.workspace.queues.ReviewQueues;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Queue box with stored review queues, through the desk's view model (inline background tasks):
 * choosing a queue shows the rollouts it gives the current labeller, in its order, and the progress line
 * counts each labeller's; a queue made at the desk is stored and chosen.
 */
class StoredQueueDeskTest {

    @TempDir
    Path folder;

    private final AtomicReference<String> labeller = new AtomicReference<>("Ann");
    private Workspace workspace;
    private ReviewDeskViewModel desk;
    private StoredQueue stored;

    @BeforeEach
    void openDesk() throws Exception {
        workspace = SeededWorkspace.open(folder.resolve("ws"));
        stored = new ReviewQueues(workspace).create(new QueueRequest("week 49", QueueStrategy.FRESH,
                OptionalLong.empty(), 3, 1, List.of("Ann", "Bea"), OptionalLong.of(5), "", "", "carol"));
        desk = new ReviewDeskViewModel(new InlineBackgroundTasks(), labeller::get, Clock.systemUTC());
        desk.load(new ReviewData(workspace));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private QueueChoice storedChoice(String name) {
        return desk.queueChoices().choices().stream()
                .filter(c -> c instanceof QueueChoice.Stored s && s.queue().name().equals(name)).findFirst().orElseThrow();
    }

    private List<Long> queueRollouts() {
        return desk.queue().stream().map(QueueEntry::rolloutId).toList();
    }

    @Test
    void choosingAStoredQueueShowsMyAssignedRolloutsAndEveryonesProgress() {
        assertThat(desk.queueChoices().choices()).extracting(Object::toString)
                .startsWith("Unlabelled by me", "All rollouts").endsWith("Queue: week 49", "New queue\u2026");
        int everything = new ReviewData(workspace).queue().size();

        desk.queueChoices().choiceProperty().set(storedChoice("week 49"));
        assertThat(queueRollouts()).containsExactlyElementsOf(stored.assignedTo("Ann")).hasSize(3);
        assertThat(desk.currentProperty().get().entry().rolloutId()).isEqualTo(stored.assignedTo("Ann").get(0));
        assertThat(desk.progressProperty().get()).isEqualTo("Ann 0/3 \u00B7 Bea 0/3");

        int comments = desk.cards().size();
        for (int i = 0; i < comments; i++) {
            scoreAll(2, 2, 2);
            desk.submit();
        }
        assertThat(desk.progressProperty().get()).isEqualTo("Ann 1/3 \u00B7 Bea 0/3");
        assertThat(desk.currentProperty().get().entry().rolloutId()).isEqualTo(stored.assignedTo("Ann").get(1));

        desk.queueChoices().choiceProperty().set(new QueueChoice.Filter(QueueFilter.ALL));
        assertThat(desk.queue()).hasSize(everything);
        assertThat(desk.progressProperty().get()).contains("labelled by you");
    }

    @Test
    void aLabellerTheQueueIsNotForIsToldWhoItIsFor() {
        labeller.set("Cy");
        desk.queueChoices().choiceProperty().set(storedChoice("week 49"));
        assertThat(desk.queue()).isEmpty();
        assertThat(desk.messageProperty().get()).isEqualTo("Queue week 49 has nothing for Cy; it is for Ann, Bea.");
    }

    @Test
    void aQueueMadeAtTheDeskIsStoredAndChosen() {
        desk.queueChoices().create(new QueueRequest("both", QueueStrategy.FRESH, OptionalLong.empty(), 2, 2,
                List.of("Ann", "Bea"), OptionalLong.of(9), "", "", "Ann"));
        StoredQueue made = new ReviewQueues(workspace).find("both").orElseThrow();
        assertThat(made.assignedTo("Ann")).isEqualTo(made.assignedTo("Bea")).hasSize(2);
        assertThat(desk.queueChoices().choiceProperty().get()).isEqualTo(storedChoice("both"));
        assertThat(queueRollouts()).containsExactlyElementsOf(made.assignedTo("Ann"));
        assertThat(desk.messageProperty().get()).isEqualTo("Created queue both: 2 rollouts, 2 of them for you.");

        desk.queueChoices().create(new QueueRequest("both", QueueStrategy.FRESH, OptionalLong.empty(), 2, 1,
                List.of("Ann"), OptionalLong.empty(), "", "", "Ann"));
        assertThat(desk.messageProperty().get())
                .isEqualTo("Queue not created: A queue named both already exists; choose another name.");
    }

    @Test
    void aJumpFromTheDashboardLeavesTheStoredQueue() {
        desk.queueChoices().choiceProperty().set(storedChoice("week 49"));
        QueueEntry elsewhere = desk.queue().get(0);
        desk.openItem(elsewhere.sampleId(), elsewhere.index(), 0);
        assertThat(desk.queueChoices().choiceProperty().get()).isEqualTo(new QueueChoice.Filter(QueueFilter.ALL));
        assertThat(desk.queueChoices().chosenQueue()).isEmpty();
    }

    private void scoreAll(int... scores) {
        desk.focusRow(0);
        for (int score : scores) {
            desk.typeDigit(score);
            desk.moveFocus(1);
        }
    }
}
