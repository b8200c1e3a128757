package dev.juror.app.review;

import dev.juror.app.workspace.RubricChoice;
import dev.juror.dataset.Location;
import dev.juror.rubric.Dimension;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open rollout and its label form: the items as cards, the selected item's dimension rows,
 * note and flag, and the keys that work on them (digits, Tab, PageUp/PageDown, F, N, Enter).
 *
 * <p>Blind mode: other labellers' labels and judge scores on an item stay hidden until this labeller
 * has submitted that item. Every submit is one committed write ({@code Labelling.submit}); after it
 * the form moves to the next unlabelled item, and past the last one asks the queue for the next
 * rollout with work left.
 *
 * <p>Threading: call on the FX thread.
 */
public final class LabelFormViewModel {

    private final DeskState state;
    private final Runnable labelsChanged;
    private final BooleanSupplier openNextRollout;
    private final ReadOnlyObjectWrapper<OpenedRollout> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ObservableList<CommentCard> cards = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ObservableList<DimensionRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper focusedRow = new ReadOnlyIntegerWrapper(this, "focusedRow", 0);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanProperty flagged = new SimpleBooleanProperty(this, "flagged");
    private final BooleanProperty blind = new SimpleBooleanProperty(this, "blind", true);
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight");
    private final ReadOnlyIntegerWrapper noteFocusRequests = new ReadOnlyIntegerWrapper(this, "noteFocusRequests");
    private Instant selectedAt;
    private boolean submitting;

    /**
     * @param labelsChanged   called after each stored label (the queue's progress line follows)
     * @param openNextRollout opens the next rollout with unlabelled items; false when there is none
     */
    LabelFormViewModel(DeskState state, Runnable labelsChanged, BooleanSupplier openNextRollout) {
        this.state = state;
        this.labelsChanged = labelsChanged;
        this.openNextRollout = openNextRollout;
        blind.addListener((obs, old, now) -> refreshCards());
    }

    /** Empties the form: no rollout open. */
    void clear() {
        cards.clear();
        rows.clear();
        current.set(null);
        selected.set(-1);
        highlight.set(null);
    }

    /**
     * Shows a rollout the queue opened and selects the item at {@code wantedPosition} (a comment
     * position, or null for the first item this labeller has not labelled).
     */
    void show(OpenedRollout opened, Integer wantedPosition) {
        current.set(opened);
        selected.set(-1);
        refreshCards();
        if (opened.items().isEmpty()) {
            rows.clear();
            highlight.set(null);
            state.message.set(opened.parsed() ? "This rollout has no comments." : "The prediction could not be parsed: "
                    + opened.rollout().parseError());
            return;
        }
        state.message.set("");
        int index = wantedPosition == null ? -1 : indexOfPosition(opened, wantedPosition);
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
            if (!state.isMine(key(items.get(i)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private ItemKey key(ReviewItem item) {
        return new ItemKey(current.get().rollout().id(), item.position());
    }

    /** Selects an item: its excerpt is highlighted and the labelling panel shows its rows. */
    public void selectCard(int index) {
        OpenedRollout opened = current.get();
        RubricChoice chosen = state.rubric.get();
        if (opened == null || index < 0 || index >= opened.items().size() || chosen == null) {
            return;
        }
        selected.set(index);
        ReviewItem item = opened.items().get(index);
        Map<String, StoredLabel> mine = state.book.of(key(item), state.labeller.get());
        List<DimensionRow> newRows = new ArrayList<>();
        for (Dimension dimension : chosen.rubric().dimensions()) {
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
        selectedAt = state.clock.instant();
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
            state.message.set("");
        } else {
            state.message.set(digit + " is not a level of \u201C" + row.dimension().shownName() + "\u201D ("
                    + row.dimension().scale().label() + ").");
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
        RubricChoice chosen = state.rubric.get();
        if (opened == null || selected.get() < 0 || chosen == null || submitting) {
            return;
        }
        String me = state.labeller.get();
        if (me == null || me.isBlank()) {
            state.message.set("Set your name first (File > Change labeller name): labels are stored under it.");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).score() == null) {
                focusRow(i);
                state.message.set("Score " + rows.get(i).name() + " first.");
                return;
            }
        }
        ReviewItem item = opened.items().get(selected.get());
        ItemKey key = key(item);
        double seconds = selectedAt == null ? 0
                : Duration.between(selectedAt, state.clock.instant()).toMillis() / 1000.0;
        Seen seen = seen(key, me);
        List<NewLabel> labels = new ArrayList<>();
        for (DimensionRow row : rows) {
            labels.add(new NewLabel(me, key.rolloutId(), key.position(), item.commentId(), row.name(), row.score(),
                    note.get(), seconds, chosen.version(), !seen.judge(), flagged.get(), seen.text()));
        }
        ReviewSource target = state.data;
        submitting = true;
        state.tasks.run("Saving label", progress -> target.submit(labels), stored -> {
            submitting = false;
            state.book.add(stored);
            labelsChanged.run();
            state.message.set("Saved " + describe(item) + ".");
            if (current.get() == opened) {
                refreshCards();
                advanceAfter(selected.get());
            }
        }, failure -> {
            submitting = false;
            state.message.set("The label was NOT saved: " + failure.getMessage() + ". Try Enter again.");
        });
    }

    /** What of the judge and of other labellers the desk showed for an item: a label records it. */
    private record Seen(boolean judge, String text) {
    }

    private Seen seen(ItemKey key, String me) {
        if (!revealed(key)) {
            return new Seen(false, "");
        }
        boolean judge = !state.judgeScores.scoresFor(key).isEmpty();
        List<String> parts = new ArrayList<>();
        if (judge) {
            parts.add(state.judgeScores.source());
        }
        List<String> others = List.copyOf(state.book.othersOn(key, me).keySet());
        if (!others.isEmpty()) {
            parts.add((others.size() == 1 ? "the label of " : "the labels of ") + String.join(", ", others));
        }
        return new Seen(judge, String.join("; ", parts));
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
        if (openNextRollout.getAsBoolean()) {
            return;
        }
        refreshRowOthers();
        state.message.set("Everything in this queue is labelled. Thank you.");
    }

    /** Whether the judge's and the others' scores on the item may be shown: Blind is off, or it is labelled. */
    boolean revealed(ItemKey key) {
        return !blind.get() || state.isMine(key);
    }

    /** The judge run's scores changed (another run chosen): the cards and rows compare with the new ones. */
    void judgeChanged() {
        refreshCards();
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
        return new CommentCard(item, state.isMine(key), state.book.isFlagged(key), disagreement, lines, hidden);
    }

    private ScoreComparison comparison(ItemKey key) {
        return new ScoreComparison(key, state.labeller.get(), state.dimensionNames(), state.book, state.judgeScores);
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

    /** Increments each time the view should focus the note field. */
    public ReadOnlyIntegerProperty noteFocusRequestsProperty() {
        return noteFocusRequests.getReadOnlyProperty();
    }
}
