package dev.juror.app.review;

import dev.juror.store.StoredQueue;
import dev.juror.workspace.queues.QueueRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Queue box: the filters and the workspace's stored review queues in one list. Choosing a stored
 * queue shows the rollouts it gives the current labeller, and the progress line says how far each of
 * its labellers is; "New queue..." creates one ({@link NewQueueDialog}) and chooses it.
 *
 * <p>Threading: call on the FX thread; reading and storing queues run as background tasks.
 */
public final class QueueChoicesViewModel {

    private final DeskState state;
    private final ReviewQueueViewModel queue;
    private final ObservableList<QueueChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<QueueChoice> choice = new SimpleObjectProperty<>(this, "choice");
    /** Set while this class moves the choice itself: the change is not a user's. */
    private boolean syncing;
    private long generation;

    QueueChoicesViewModel(DeskState state, ReviewQueueViewModel queue) {
        this.state = state;
        this.queue = queue;
        setChoices(List.of());
        choice.addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                chosen(now);
            }
        });
        // The filter or the stored queue changed from elsewhere (a jump from the dashboard): show it.
        queue.filterProperty().addListener((obs, old, now) -> showCurrent());
        state.storedQueue.addListener((obs, old, now) -> showCurrent());
    }

    private void chosen(QueueChoice now) {
        switch (now) {
            case QueueChoice.Filter f -> queue.choose(f.filter(), null);
            case QueueChoice.Stored s -> queue.choose(queue.filterProperty().get(), s.queue());
            case QueueChoice.NewQueue n -> { } // the view opens the dialog, then shows the queue chosen before
        }
    }

    /** Shows what the desk works through (after "New queue..." was picked in the box). */
    public void showChosen() {
        showCurrent();
    }

    private void showCurrent() {
        StoredQueue stored = state.storedQueue.get();
        QueueChoice current = stored == null ? new QueueChoice.Filter(queue.filterProperty().get())
                : choices.stream().filter(c -> c instanceof QueueChoice.Stored s && s.queue().id() == stored.id())
                        .findFirst().orElse(new QueueChoice.Stored(stored));
        if (!current.equals(choice.get())) {
            syncing = true;
            try {
                choice.set(current);
            } finally {
                syncing = false;
            }
        }
    }

    private void setChoices(List<StoredQueue> stored) {
        List<QueueChoice> all = new ArrayList<>();
        for (QueueFilter f : QueueFilter.values()) {
            all.add(new QueueChoice.Filter(f));
        }
        stored.forEach(q -> all.add(new QueueChoice.Stored(q)));
        all.add(new QueueChoice.NewQueue());
        syncing = true;
        try {
            choices.setAll(all);
        } finally {
            syncing = false;
        }
        showCurrent();
    }

    /** Reads the workspace's queues; a chosen queue that is not in this workspace is let go. */
    void load() {
        ReviewSource data = state.data;
        long wanted = ++generation;
        if (data == null) {
            setChoices(List.of());
            return;
        }
        state.tasks.runQuietly(progress -> data.queues(), found -> {
            if (wanted != generation) {
                return;
            }
            StoredQueue chosen = state.storedQueue.get();
            if (chosen != null && found.stream().noneMatch(q -> q.id() == chosen.id() && q.name().equals(chosen.name()))) {
                queue.choose(queue.filterProperty().get(), null);
            }
            setChoices(found);
        }, failure -> state.message.set("Could not read the review queues: " + failure.getMessage()));
    }

    /** Creates a queue in the background; when stored, it is chosen and the desk shows its rollouts. */
    public void create(QueueRequest request) {
        ReviewSource data = state.data;
        if (data == null) {
            return;
        }
        state.message.set("Creating queue " + request.name() + " ...");
        state.tasks.runQuietly(progress -> data.createQueue(request), created -> {
            List<StoredQueue> stored = new ArrayList<>(choices.stream()
                    .flatMap(c -> c instanceof QueueChoice.Stored s ? java.util.stream.Stream.of(s.queue())
                            : java.util.stream.Stream.empty()).toList());
            stored.add(created);
            setChoices(stored);
            queue.choose(queue.filterProperty().get(), created);
            state.message.set("Created queue " + created.name() + ": " + created.rollouts().size() + " rollouts, "
                    + created.assignedTo(state.labeller.get()).size() + " of them for you.");
        }, failure -> state.message.set("Queue not created: " + failure.getMessage()));
    }

    /** Who the New queue dialog suggests: the current labeller, then everyone who has labelled. */
    public List<String> knownLabellers() {
        List<String> names = new ArrayList<>();
        names.add(state.labeller.get());
        new TreeSet<>(state.book.labellers()).stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** The chosen stored queue, if one is chosen. */
    public Optional<StoredQueue> chosenQueue() {
        return Optional.ofNullable(state.storedQueue.get());
    }

    public String labeller() {
        return state.labeller.get();
    }

    public ObservableList<QueueChoice> choices() {
        return choices;
    }

    public ObjectProperty<QueueChoice> choiceProperty() {
        return choice;
    }
}
