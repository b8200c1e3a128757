package dev.juror.app.review;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desk's queue and navigation: the rubric, filter and sample choices, the rollouts they leave,
 * which rollout is open (J/K, a jump from the dashboard) and the "n of m comments labelled by you" line.
 * Opening a rollout reads it in the background and hands it to the {@link LabelFormViewModel}.
 *
 * <p>Threading: call on the FX thread.
 */
public final class ReviewQueueViewModel {

    private final DeskState state;
    private final LabelFormViewModel form;
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObservableList<QueueFilter> filters =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(QueueFilter.values()));
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(this, "filter",
            QueueFilter.UNLABELLED_BY_ME);
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final ObjectProperty<String> sample = new SimpleObjectProperty<>(this, "sample",
            ReviewDeskViewModel.ALL_SAMPLES);
    private final ObservableList<QueueEntry> queue = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper queuePosition = new ReadOnlyIntegerWrapper(this, "queuePosition", -1);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");

    private List<QueueEntry> allEntries = List.of();
    /** Set while choice lists are replaced: a combo box bound to a choice may move its value meanwhile. */
    private boolean updatingChoices;

    ReviewQueueViewModel(DeskState state, LabelFormViewModel form) {
        this.state = state;
        this.form = form;
        state.rubric.addListener((obs, old, now) -> {
            if (old != now && !updatingChoices) {
                applyFilter(true);
            }
        });
        filter.addListener((obs, old, now) -> {
            if (!updatingChoices) {
                applyFilter(true);
            }
        });
        sample.addListener((obs, old, now) -> {
            if (!updatingChoices) {
                applyFilter(true);
            }
        });
    }

    /** Shows a freshly read workspace: keeps the chosen rubric and sample when they are still there. */
    void showLoaded(WorkspaceRubrics.RubricList rubricList, List<QueueEntry> entries) {
        allEntries = entries;
        List<String> sampleChoices = new ArrayList<>();
        sampleChoices.add(ReviewDeskViewModel.ALL_SAMPLES);
        allEntries.stream().map(QueueEntry::sampleId).distinct().forEach(sampleChoices::add);
        RubricChoice previous = state.rubric.get();
        List<RubricChoice> rubricChoices = rubricList.rubrics();
        RubricChoice chosen = rubricChoices.stream()
                .filter(r -> previous != null && r.fileName().equals(previous.fileName()))
                .findFirst().orElse(rubricChoices.isEmpty() ? null : rubricChoices.get(0));
        String previousSample = sample.get();
        updateChoices(() -> {
            rubrics.setAll(rubricChoices);
            state.rubric.set(chosen);
            samples.setAll(sampleChoices);
            sample.set(sampleChoices.contains(previousSample) ? previousSample : ReviewDeskViewModel.ALL_SAMPLES);
        });
        String problems = String.join("; ", rubricList.problems());
        state.message.set(problems.isEmpty() ? "" : "Some rubrics could not be read: " + problems);
        applyFilter(true);
        if (rubrics.isEmpty()) {
            state.message.set("No pointwise rubric in the workspace's rubrics/ folder: add one to start labelling.");
        }
    }

    /** Replaces choice lists and values without each intermediate state re-filtering the queue. */
    private void updateChoices(Runnable change) {
        QueueFilter keptFilter = filter.get();
        updatingChoices = true;
        try {
            change.run();
            filter.set(keptFilter);
        } finally {
            updatingChoices = false;
        }
    }

    void clear() {
        allEntries = List.of();
        queue.clear();
        updateChoices(() -> {
            samples.setAll(ReviewDeskViewModel.ALL_SAMPLES);
            sample.set(ReviewDeskViewModel.ALL_SAMPLES);
        });
        queuePosition.set(-1);
        progress.set("");
    }

    private void applyFilter(boolean openFirst) {
        String onlySample = sample.get() == null || ReviewDeskViewModel.ALL_SAMPLES.equals(sample.get())
                ? null : sample.get();
        List<QueueEntry> bySample = allEntries.stream()
                .filter(e -> onlySample == null || e.sampleId().equals(onlySample))
                .toList();
        AssignedRollouts assigned = state.storedQueue.get() == null ? null
                : new AssignedRollouts(state, state.storedQueue.get());
        List<QueueEntry> entries = assigned != null ? assigned.select(bySample)
                : bySample.stream().filter(this::matchesFilter).toList();
        queue.setAll(entries);
        updateProgress();
        if (!openFirst) {
            return;
        }
        if (entries.isEmpty()) {
            queuePosition.set(-1);
            form.clear();
            if (assigned != null) {
                state.message.set(assigned.emptyMessage());
            } else if (!allEntries.isEmpty() && state.rubric.get() != null) {
                state.message.set(filter.get() == QueueFilter.DISAGREEMENTS && state.book.labellers().size() < 2
                        ? "Disagreements appear once two people have labelled."
                        : "Nothing in this queue (" + filter.get() + "). Choose another filter to revisit rollouts.");
            }
            return;
        }
        openAt(assigned == null ? 0 : assigned.firstWithWorkLeft(entries));
    }

    /** The Queue box's choice: a filter, or a stored queue (then the filter is kept but not applied). */
    void choose(QueueFilter chosenFilter, dev.juror.store.StoredQueue stored) {
        updatingChoices = true;
        try {
            filter.set(chosenFilter);
            state.storedQueue.set(stored);
        } finally {
            updatingChoices = false;
        }
        applyFilter(true);
    }

    private boolean matchesFilter(QueueEntry entry) {
        return switch (filter.get() == null ? QueueFilter.ALL : filter.get()) {
            case ALL -> true;
            case UNLABELLED_BY_ME -> state.itemKeys(entry).stream().anyMatch(k -> !state.isMine(k));
            case FLAGGED -> state.itemKeys(entry).stream().anyMatch(state.book::isFlagged);
            case DISAGREEMENTS -> state.itemKeys(entry).stream()
                    .anyMatch(k -> state.book.hasDisagreement(k, state.dimensionNames()));
            case NEEDS_ADJUDICATION -> state.itemKeys(entry).stream().anyMatch(state::needsAdjudication);
        };
    }

    /** The judge's scores changed: "Needs adjudication" depends on them, so that queue is drawn again. */
    void judgeChanged() {
        if (filter.get() == QueueFilter.NEEDS_ADJUDICATION) {
            applyFilter(form.currentProperty().get() == null);
        }
    }

    /** J: the next rollout of the queue. */
    public void nextRollout() {
        if (queuePosition.get() + 1 < queue.size()) {
            openAt(queuePosition.get() + 1);
        } else if (!queue.isEmpty()) {
            state.message.set("This is the last rollout of the queue.");
        }
    }

    /** K: the previous rollout of the queue. */
    public void previousRollout() {
        if (queuePosition.get() > 0) {
            openAt(queuePosition.get() - 1);
        } else if (!queue.isEmpty()) {
            state.message.set("This is the first rollout of the queue.");
        }
    }

    /**
     * Opens one item from elsewhere (the calibration dashboard's disagreement list): shows all
     * rollouts of its sample, opens the rollout and selects the comment at {@code position}
     * ({@link ItemKey#RESPONSE} for a response-level item). Says so when the rollout is not there.
     */
    public void openItem(String sampleId, int rolloutIndex, int position) {
        updatingChoices = true;
        try {
            filter.set(QueueFilter.ALL);
            state.storedQueue.set(null);
            sample.set(samples.contains(sampleId) ? sampleId : ReviewDeskViewModel.ALL_SAMPLES);
        } finally {
            updatingChoices = false;
        }
        applyFilter(false);
        for (int i = 0; i < queue.size(); i++) {
            QueueEntry entry = queue.get(i);
            if (entry.sampleId().equals(sampleId) && entry.index() == rolloutIndex) {
                open(i, position);
                return;
            }
        }
        state.message.set("Rollout " + (rolloutIndex + 1) + " of sample " + sampleId
                + " is not in this workspace's queue.");
    }

    /** Opens the queue entry at {@code position}. */
    public void openAt(int position) {
        open(position, null);
    }

    private void open(int position, Integer wantedItem) {
        if (position < 0 || position >= queue.size() || state.data == null || state.rubric.get() == null) {
            return;
        }
        QueueEntry entry = queue.get(position);
        queuePosition.set(position);
        long wanted = ++state.generation;
        boolean response = state.responseLevel();
        ReviewSource source = state.data;
        state.busy.set(true);
        state.tasks.runQuietly(progress -> source.open(entry, response), opened -> {
            if (wanted != state.generation) {
                return; // the user moved on before this one arrived
            }
            state.busy.set(false);
            form.show(opened, wantedItem);
        }, failure -> {
            if (wanted == state.generation) {
                state.busy.set(false);
                state.message.set("Could not open " + entry.title() + ": " + failure.getMessage());
            }
        });
    }

    /** After the open rollout is all labelled: opens the next rollout with work left, if any. */
    boolean openNextUnlabelled() {
        for (int position = queuePosition.get() + 1; position < queue.size(); position++) {
            if (state.itemKeys(queue.get(position)).stream().anyMatch(k -> !state.isMine(k))) {
                openAt(position);
                return true;
            }
        }
        return false;
    }

    void updateProgress() {
        if (state.rubric.get() == null || allEntries.isEmpty()) {
            progress.set("");
            return;
        }
        if (state.storedQueue.get() != null) {
            progress.set(new AssignedRollouts(state, state.storedQueue.get()).progress(allEntries));
            return;
        }
        long total = 0;
        long done = 0;
        for (QueueEntry entry : allEntries) {
            for (ItemKey key : state.itemKeys(entry)) {
                total++;
                if (state.isMine(key)) {
                    done++;
                }
            }
        }
        double median = state.book.medianSecondsPerItem(state.labeller.get());
        // Say what is counted: the queue above counts rollouts, this line counts what is labelled.
        String items = state.rubric.get().rubric().unit() == Unit.COMMENT ? "comments" : "responses";
        progress.set(String.format(Locale.ROOT, "%d of %d %s labelled by you%s", done, total, items,
                median > 0 ? String.format(Locale.ROOT, " · median %.0f s per label", median) : ""));
    }

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return state.rubric;
    }

    public ObservableList<QueueFilter> filters() {
        return filters;
    }

    public ObjectProperty<QueueFilter> filterProperty() {
        return filter;
    }

    public ObservableList<String> samples() {
        return samples;
    }

    public ObjectProperty<String> sampleProperty() {
        return sample;
    }

    public ObservableList<QueueEntry> queue() {
        return queue;
    }

    public ReadOnlyIntegerProperty queuePositionProperty() {
        return queuePosition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
