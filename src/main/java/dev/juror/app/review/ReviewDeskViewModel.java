package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.dataset.Location;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Unit;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review desk: a queue of rollouts, the open rollout's items as cards, and the labelling panel
 * for the selected item. All keyboard commands land here ({@link #typeDigit}, {@link #moveFocus},
 * {@link #submit}, ...), so the whole labelling flow is testable without a toolkit.
 *
 * <p>Blind mode: other labellers' labels and judge scores on an item stay hidden until this labeller
 * has submitted that item. Every submit is one committed write ({@code Labelling.submit}).
 *
 * <p>Threading: call on the FX thread; reads and writes go through {@link BackgroundTasks}. Results
 * of a rollout that is no longer wanted (the user pressed J again) are dropped.
 */
public final class ReviewDeskViewModel {

    public static final String ALL_SAMPLES = "All samples";

    private final BackgroundTasks tasks;
    private final Supplier<String> labeller;
    private final Clock clock;
    private final JudgeScoreLookup judgeScores;
    private ReviewData data;

    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final ObservableList<QueueFilter> filters =
            FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(QueueFilter.values()));
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(this, "filter",
            QueueFilter.UNLABELLED_BY_ME);
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final ObjectProperty<String> sample = new SimpleObjectProperty<>(this, "sample", ALL_SAMPLES);
    private final ObservableList<QueueEntry> queue = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper queuePosition = new ReadOnlyIntegerWrapper(this, "queuePosition", -1);
    private final ReadOnlyObjectWrapper<OpenedRollout> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<CommentCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ObservableList<DimensionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper focusedRow = new ReadOnlyIntegerWrapper(this, "focusedRow", 0);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanProperty flagged = new SimpleBooleanProperty(this, "flagged");
    private final BooleanProperty blind = new SimpleBooleanProperty(this, "blind", true);
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper noteFocusRequests = new ReadOnlyIntegerWrapper(this, "noteFocusRequests");

    private List<QueueEntry> allEntries = List.of();
    private LabelBook book = new LabelBook(List.of());
    private long generation;
    private Instant selectedAt;
    private boolean submitting;
    /** Set while choice lists are replaced: a combo box bound to a choice may move its value meanwhile. */
    private boolean updatingChoices;
    /** The item position {@link #openItem} asked for, selected once its rollout is shown; else null. */
    private Integer wantedPosition;

    public ReviewDeskViewModel(BackgroundTasks tasks, Supplier<String> labeller, Clock clock,
                               JudgeScoreLookup judgeScores) {
        this.tasks = tasks;
        this.labeller = labeller;
        this.clock = clock;
        this.judgeScores = judgeScores;
        rubric.addListener((obs, old, now) -> {
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
        blind.addListener((obs, old, now) -> refreshCards());
    }

    // ---------------------------------------------------------------- Loading

    /** Reads rubrics, queue and labels of the workspace; {@code null} clears the desk. */
    public void load(ReviewData workspaceData) {
        this.data = workspaceData;
        generation++;
        clear();
        if (workspaceData == null) {
            message.set("No workspace open.");
            return;
        }
        long wanted = generation;
        busy.set(true);
        message.set("Loading the workspace ...");
        tasks.runQuietly(progress -> new Loaded(workspaceData.rubrics(), workspaceData.queue(),
                workspaceData.latestLabels()), loaded -> {
            if (wanted != generation) {
                return;
            }
            busy.set(false);
            book = new LabelBook(loaded.labels());
            allEntries = loaded.queue();
            List<String> sampleChoices = new ArrayList<>();
            sampleChoices.add(ALL_SAMPLES);
            allEntries.stream().map(QueueEntry::sampleId).distinct().forEach(sampleChoices::add);
            RubricChoice previous = rubric.get();
            List<RubricChoice> rubricChoices = loaded.rubrics().rubrics();
            RubricChoice chosen = rubricChoices.stream()
                    .filter(r -> previous != null && r.fileName().equals(previous.fileName()))
                    .findFirst().orElse(rubricChoices.isEmpty() ? null : rubricChoices.get(0));
            String previousSample = sample.get();
            updateChoices(() -> {
                rubrics.setAll(rubricChoices);
                rubric.set(chosen);
                samples.setAll(sampleChoices);
                sample.set(sampleChoices.contains(previousSample) ? previousSample : ALL_SAMPLES);
            });
            String problems = String.join("; ", loaded.rubrics().problems());
            message.set(problems.isEmpty() ? "" : "Some rubrics could not be read: " + problems);
            applyFilter(true);
            if (rubrics.isEmpty()) {
                message.set("No pointwise rubric in the workspace's rubrics/ folder: add one to start labelling.");
            }
        }, failure -> {
            if (wanted == generation) {
                busy.set(false);
                message.set("Could not load the workspace: " + failure.getMessage());
            }
        });
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

    private record Loaded(WorkspaceRubrics.RubricList rubrics, List<QueueEntry> queue, List<StoredLabel> labels) {
    }

    private void clear() {
        allEntries = List.of();
        book = new LabelBook(List.of());
        queue.clear();
        updateChoices(() -> {
            samples.setAll(ALL_SAMPLES);
            sample.set(ALL_SAMPLES);
        });
        cards.clear();
        rows.clear();
        current.set(null);
        selected.set(-1);
        queuePosition.set(-1);
        highlight.set(null);
        progress.set("");
    }

    // ---------------------------------------------------------------- Queue

    private void applyFilter(boolean openFirst) {
        String onlySample = sample.get() == null || ALL_SAMPLES.equals(sample.get()) ? null : sample.get();
        List<QueueEntry> entries = allEntries.stream()
                .filter(e -> onlySample == null || e.sampleId().equals(onlySample))
                .filter(this::matchesFilter)
                .toList();
        queue.setAll(entries);
        updateProgress();
        if (!openFirst) {
            return;
        }
        if (entries.isEmpty()) {
            queuePosition.set(-1);
            current.set(null);
            cards.clear();
            rows.clear();
            selected.set(-1);
            highlight.set(null);
            if (!allEntries.isEmpty() && rubric.get() != null) {
                message.set(filter.get() == QueueFilter.DISAGREEMENTS && book.labellers().size() < 2
                        ? "Disagreements appear once two people have labelled."
                        : "Nothing in this queue (" + filter.get() + "). Choose another filter to revisit rollouts.");
            }
            return;
        }
        openAt(0);
    }

    private boolean matchesFilter(QueueEntry entry) {
        return switch (filter.get() == null ? QueueFilter.ALL : filter.get()) {
            case ALL -> true;
            case UNLABELLED_BY_ME -> itemKeys(entry).stream().anyMatch(k -> !isMine(k));
            case FLAGGED -> itemKeys(entry).stream().anyMatch(book::isFlagged);
            case DISAGREEMENTS -> itemKeys(entry).stream().anyMatch(k -> book.hasDisagreement(k, dimensionNames()));
        };
    }

    private boolean responseLevel() {
        return rubric.get() != null && rubric.get().rubric().unit() == Unit.RESPONSE;
    }

    /** The labelable items of a rollout: its comments, or the whole response. */
    private List<ItemKey> itemKeys(QueueEntry entry) {
        if (responseLevel()) {
            return List.of(new ItemKey(entry.rolloutId(), ItemKey.RESPONSE));
        }
        List<ItemKey> keys = new ArrayList<>(entry.commentCount());
        for (int position = 0; position < entry.commentCount(); position++) {
            keys.add(new ItemKey(entry.rolloutId(), position));
        }
        return keys;
    }

    private List<String> dimensionNames() {
        return rubric.get() == null ? List.of() : rubric.get().rubric().dimensionNames();
    }

    private boolean isMine(ItemKey key) {
        return book.isComplete(key, labeller.get(), dimensionNames());
    }

    /** J: the next rollout of the queue. */
    public void nextRollout() {
        if (queuePosition.get() + 1 < queue.size()) {
            openAt(queuePosition.get() + 1);
        } else if (!queue.isEmpty()) {
            message.set("This is the last rollout of the queue.");
        }
    }

    /** K: the previous rollout of the queue. */
    public void previousRollout() {
        if (queuePosition.get() > 0) {
            openAt(queuePosition.get() - 1);
        } else if (!queue.isEmpty()) {
            message.set("This is the first rollout of the queue.");
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
            sample.set(samples.contains(sampleId) ? sampleId : ALL_SAMPLES);
        } finally {
            updatingChoices = false;
        }
        applyFilter(false);
        for (int i = 0; i < queue.size(); i++) {
            QueueEntry entry = queue.get(i);
            if (entry.sampleId().equals(sampleId) && entry.index() == rolloutIndex) {
                wantedPosition = position;
                openAt(i);
                return;
            }
        }
        message.set("Rollout " + (rolloutIndex + 1) + " of sample " + sampleId + " is not in this workspace's queue.");
    }

    /** Opens the queue entry at {@code position}. */
    public void openAt(int position) {
        if (position < 0 || position >= queue.size() || data == null || rubric.get() == null) {
            return;
        }
        QueueEntry entry = queue.get(position);
        queuePosition.set(position);
        long wanted = ++generation;
        boolean response = responseLevel();
        ReviewData source = data;
        busy.set(true);
        tasks.runQuietly(progress -> source.open(entry, response), opened -> {
            if (wanted != generation) {
                return; // the user moved on before this one arrived
            }
            busy.set(false);
            show(opened);
        }, failure -> {
            if (wanted == generation) {
                busy.set(false);
                message.set("Could not open " + entry.title() + ": " + failure.getMessage());
            }
        });
    }

    private void show(OpenedRollout opened) {
        Integer wanted = wantedPosition;
        wantedPosition = null;
        current.set(opened);
        selected.set(-1);
        refreshCards();
        if (opened.items().isEmpty()) {
            rows.clear();
            highlight.set(null);
            message.set(opened.parsed() ? "This rollout has no comments." : "The prediction could not be parsed: "
                    + opened.rollout().parseError());
            return;
        }
        message.set("");
        int index = wanted == null ? -1 : indexOfPosition(opened, wanted);
        selectCard(index >= 0 ? index : firstUnlabelledFrom(0).orElse(0));
    }

    private static int indexOfPosition(OpenedRollout opened, int position) {
        for (int i = 0; i < opened.items().size(); i++) {
            if (opened.items().get(i).position() == position) {
                return i;
            }
        }
        return -1;
    }

    private Optional<Integer> firstUnlabelledFrom(int start) {
        OpenedRollout opened = current.get();
        if (opened == null) {
            return Optional.empty();
        }
        List<ReviewItem> items = opened.items();
        for (int i = start; i < items.size(); i++) {
            if (!isMine(key(items.get(i)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private ItemKey key(ReviewItem item) {
        return new ItemKey(current.get().rollout().id(), item.position());
    }

    // ---------------------------------------------------------------- Cards and labelling panel

    /** Selects an item: its excerpt is highlighted and the labelling panel shows its rows. */
    public void selectCard(int index) {
        OpenedRollout opened = current.get();
        if (opened == null || index < 0 || index >= opened.items().size() || rubric.get() == null) {
            return;
        }
        selected.set(index);
        ReviewItem item = opened.items().get(index);
        ItemKey key = key(item);
        Map<String, StoredLabel> mine = book.of(key, labeller.get());
        List<DimensionRow> newRows = new ArrayList<>();
        for (Dimension dimension : rubric.get().rubric().dimensions()) {
            DimensionRow row = new DimensionRow(dimension);
            StoredLabel label = mine.get(dimension.name());
            row.scoreProperty().set(label == null ? null : label.score());
            newRows.add(row);
        }
        rows.setAll(newRows);
        StoredLabel any = mine.values().stream().findFirst().orElse(null);
        note.set(any == null ? "" : any.note());
        flagged.set(any != null && any.flagged());
        focusRow(0);
        refreshRowOthers();
        highlight.set(highlightOf(item.location()));
        selectedAt = clock.instant();
    }

    private static Highlight highlightOf(Location location) {
        if (location == null || !location.isFound()) {
            return null;
        }
        Highlight.Document document = location.status().inTarget() ? Highlight.Document.TARGET
                : Highlight.Document.REFERENCE;
        return new Highlight(document, location.start(), location.end());
    }

    /** PageDown: the next item of the rollout. */
    public void nextCard() {
        selectCard(selected.get() + 1);
    }

    /** PageUp: the previous item of the rollout. */
    public void previousCard() {
        selectCard(selected.get() - 1);
    }

    public void focusRow(int index) {
        if (rows.isEmpty()) {
            return;
        }
        int bounded = Math.max(0, Math.min(rows.size() - 1, index));
        focusedRow.set(bounded);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).focusedProperty().set(i == bounded);
        }
    }

    /** Tab/Down (+1) and Shift-Tab/Up (-1): moves between dimensions, stopping at the ends. */
    public void moveFocus(int delta) {
        focusRow(focusedRow.get() + delta);
    }

    /** A digit key: sets the focused dimension's score when the digit is a level of its scale. */
    public void typeDigit(int digit) {
        if (rows.isEmpty()) {
            return;
        }
        DimensionRow row = rows.get(focusedRow.get());
        Optional<String> level = ScoreKeys.levelFor(row.dimension().scale(), digit);
        if (level.isPresent()) {
            row.scoreProperty().set(level.get());
            message.set("");
        } else {
            message.set(digit + " is not a level of " + row.name() + " (" + row.dimension().scale().label() + ").");
        }
    }

    /** Sets a score directly (a click on a level button). */
    public void setScore(int rowIndex, String level) {
        if (rowIndex >= 0 && rowIndex < rows.size()) {
            focusRow(rowIndex);
            rows.get(rowIndex).scoreProperty().set(level);
        }
    }

    /** F: flags or unflags the item; stored with the next submit. */
    public void toggleFlag() {
        flagged.set(!flagged.get());
    }

    /** N: asks the view to move the keyboard focus to the note field. */
    public void focusNote() {
        noteFocusRequests.set(noteFocusRequests.get() + 1);
    }

    /**
     * Enter: stores every dimension of the selected item in one committed write, then reveals the
     * others' labels on it and moves to the next item this labeller has not labelled.
     */
    public void submit() {
        OpenedRollout opened = current.get();
        RubricChoice chosen = rubric.get();
        if (opened == null || selected.get() < 0 || chosen == null || submitting) {
            return;
        }
        String me = labeller.get();
        if (me == null || me.isBlank()) {
            message.set("Set your name first (File > Change labeller name): labels are stored under it.");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).score() == null) {
                focusRow(i);
                message.set("Score " + rows.get(i).name() + " first.");
                return;
            }
        }
        ReviewItem item = opened.items().get(selected.get());
        ItemKey key = key(item);
        double seconds = selectedAt == null ? 0 : Duration.between(selectedAt, clock.instant()).toMillis() / 1000.0;
        boolean judgeHidden = blind.get() || judgeScores.scoresFor(key).isEmpty();
        List<NewLabel> labels = new ArrayList<>();
        for (DimensionRow row : rows) {
            labels.add(new NewLabel(me, key.rolloutId(), key.position(), item.commentId(), row.name(), row.score(),
                    note.get(), seconds, chosen.version(), judgeHidden, flagged.get()));
        }
        ReviewData target = data;
        submitting = true;
        tasks.run("Saving label", progress -> target.submit(labels), stored -> {
            submitting = false;
            book.add(stored);
                updateProgress();
            message.set("Saved " + describe(item) + ".");
            if (current.get() == opened) {
                refreshCards();
                advanceAfter(selected.get());
            }
        }, failure -> {
            submitting = false;
            message.set("The label was NOT saved: " + failure.getMessage() + ". Try Enter again.");
        });
    }

    private static String describe(ReviewItem item) {
        return item.isResponse() ? "the response label" : "the label of " + item.commentId();
    }

    private void advanceAfter(int index) {
        Optional<Integer> next = firstUnlabelledFrom(index + 1).or(() -> firstUnlabelledFrom(0));
        if (next.isPresent()) {
            selectCard(next.get());
            return;
        }
        for (int position = queuePosition.get() + 1; position < queue.size(); position++) {
            if (itemKeys(queue.get(position)).stream().anyMatch(k -> !isMine(k))) {
                openAt(position);
                return;
            }
        }
        refreshRowOthers();
        message.set("Everything in this queue is labelled. Thank you.");
    }

    // ---------------------------------------------------------------- Reveal

    private boolean revealed(ItemKey key) {
        return !blind.get() || isMine(key);
    }

    private void refreshCards() {
        OpenedRollout opened = current.get();
        if (opened == null) {
            cards.clear();
            return;
        }
        List<CommentCard> built = new ArrayList<>();
        for (ReviewItem item : opened.items()) {
            built.add(card(item));
        }
        cards.setAll(built);
        refreshRowOthers();
    }

    private CommentCard card(ReviewItem item) {
        ItemKey key = key(item);
        ScoreComparison comparison = comparison(key);
        List<CommentCard.ScoreLine> lines = revealed(key) ? comparison.lines() : List.of();
        int hidden = revealed(key) ? 0 : comparison.hiddenCount();
        boolean disagreement = lines.stream().anyMatch(l -> l.differs().contains(true));
        return new CommentCard(item, isMine(key), book.isFlagged(key), disagreement, lines, hidden);
    }

    private ScoreComparison comparison(ItemKey key) {
        return new ScoreComparison(key, labeller.get(), dimensionNames(), book, judgeScores);
    }

    private void refreshRowOthers() {
        OpenedRollout opened = current.get();
        if (opened == null || selected.get() < 0 || selected.get() >= opened.items().size()) {
            return;
        }
        ItemKey key = key(opened.items().get(selected.get()));
        ScoreComparison comparison = comparison(key);
        boolean show = revealed(key);
        for (DimensionRow row : rows) {
            row.showOthers(show ? comparison.othersOn(row.name()) : List.of());
        }
    }

    // ---------------------------------------------------------------- Progress

    private void updateProgress() {
        if (rubric.get() == null || allEntries.isEmpty()) {
            progress.set("");
            return;
        }
        long total = 0;
        long done = 0;
        for (QueueEntry entry : allEntries) {
            for (ItemKey key : itemKeys(entry)) {
                total++;
                if (isMine(key)) {
                    done++;
                }
            }
        }
        double median = book.medianSecondsPerItem(labeller.get());
        progress.set(String.format(Locale.ROOT, "%d / %d labelled by you%s", done, total,
                median > 0 ? String.format(Locale.ROOT, " · median %.0f s per label", median) : ""));
    }

    // ---------------------------------------------------------------- Properties

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    public ObjectProperty<RubricChoice> rubricProperty() {
        return rubric;
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

    public ReadOnlyObjectProperty<OpenedRollout> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableList<CommentCard> cards() {
        return cards;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<DimensionRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty focusedRowProperty() {
        return focusedRow.getReadOnlyProperty();
    }

    public StringProperty noteProperty() {
        return note;
    }

    public BooleanProperty flaggedProperty() {
        return flagged;
    }

    public BooleanProperty blindProperty() {
        return blind;
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Increments each time the view should focus the note field. */
    public ReadOnlyIntegerProperty noteFocusRequestsProperty() {
        return noteFocusRequests.getReadOnlyProperty();
    }
}
