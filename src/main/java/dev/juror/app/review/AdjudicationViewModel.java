package dev.juror.app.review;

import dev.juror.rubric.Dimension;
import dev.juror.store.Adjudication;
import dev.juror.store.StoredLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desk's adjudication tab: for the selected item, every labeller's score and the judge's side by
 * side, which dimensions are disputed (labellers disagree, or the judge is at least the margin from
 * their consensus), and the score that settles each, with one reason. Recording is one committed
 * write of every dimension ({@code Adjudications.record}), append-only beside the labels.
 *
 * <p>Adjudication shows everything, so it follows the desk's blind rule: it is available on an item
 * the adjudicator has labelled, or with Blind off (labels they give then are stored as not blind).
 *
 * <p>Threading: call on the FX thread.
 */
public final class AdjudicationViewModel {

    /** One dimension: what everyone said, whether it is disputed, and the score being chosen. */
    public static final class Row {
        private final Dimension dimension;
        private final String labels;
        private final String judge;
        private final String current;
        private final boolean disputed;
        private final ObjectProperty<String> chosen = new SimpleObjectProperty<>(this, "chosen");

        Row(Dimension dimension, String labels, String judge, String current, boolean disputed, String preset) {
            this.dimension = dimension;
            this.labels = labels;
            this.judge = judge;
            this.current = current;
            this.disputed = disputed;
            chosen.set(preset);
        }

        public String name() {
            return dimension.name();
        }

        /** The dimension's name for people (its display name, else the key). */
        public String shownName() {
            return dimension.shownName();
        }

        /** The scale's levels, best first, as the score buttons show them. */
        public List<String> levels() {
            return dimension.scale().levelKeys();
        }

        public String labels() {
            return labels;
        }

        public String judge() {
            return judge;
        }

        /** The adjudication that counts now, in words; "" when none. */
        public String current() {
            return current;
        }

        public boolean disputed() {
            return disputed;
        }

        public ObjectProperty<String> chosenProperty() {
            return chosen;
        }
    }

    private final DeskState state;
    private final LabelFormViewModel form;
    private final Runnable adjudicated;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final IntegerProperty margin = new SimpleIntegerProperty(this, "margin", 2);
    private ItemKey shownKey;
    private boolean saving;

    /** @param adjudicated called after an adjudication is stored (the queue's progress and the panels follow) */
    AdjudicationViewModel(DeskState state, LabelFormViewModel form, Runnable adjudicated) {
        this.state = state;
        this.form = form;
        this.adjudicated = adjudicated;
        form.selectedProperty().addListener((obs, old, now) -> refresh());
        form.currentProperty().addListener((obs, old, now) -> refresh());
        form.blindProperty().addListener((obs, old, now) -> refresh());
        margin.addListener((obs, old, now) -> {
            state.adjudicationMargin = Math.max(1, now.intValue());
            refresh();
        });
    }

    /** Rebuilds the rows for the selected item (no I/O); keeps the reason typed for the same item. */
    void refresh() {
        OpenedRollout opened = form.currentProperty().get();
        int selected = form.selectedProperty().get();
        if (opened == null || selected < 0 || selected >= opened.items().size() || state.rubric.get() == null) {
            show(null, "Open a rollout and select a comment.");
            return;
        }
        ReviewItem item = opened.items().get(selected);
        ItemKey key = new ItemKey(opened.rollout().id(), item.position());
        if (!form.revealed(key)) {
            show(null, "Adjudication shows every label and the judge's scores, so it waits until you have labelled"
                    + " this comment, or Blind is off (labels you give then are stored as not blind).");
            return;
        }
        if (!key.equals(shownKey)) {
            reason.set("");
        }
        List<Row> built = new ArrayList<>();
        Map<String, Map<String, StoredLabel>> everyone = state.book.everyoneOn(key);
        Map<String, String> judge = state.judgeScores.scoresFor(key);
        for (Dimension dimension : state.rubric.get().rubric().dimensions()) {
            String name = dimension.name();
            List<String> scores = everyone.values().stream().map(m -> m.get(name)).filter(l -> l != null)
                    .map(StoredLabel::score).toList();
            String labels = everyone.entrySet().stream().filter(e -> e.getValue().containsKey(name))
                    .map(e -> e.getKey() + " " + e.getValue().get(name).score()).collect(Collectors.joining(", "));
            Optional<Adjudication> current = state.adjudication(key, name);
            String preset = current.map(Adjudication::score)
                    .orElse(scores.stream().distinct().count() == 1 ? scores.get(0) : null);
            built.add(new Row(dimension, labels.isEmpty() ? "no labels yet" : labels, judge.getOrDefault(name, "\u2014"),
                    current.map(a -> a.score() + " by " + a.adjudicator() + ": " + a.reason()).orElse(""),
                    state.disputed(key, name), preset));
        }
        shownKey = key;
        rows.setAll(built);
        available.set(true);
        long disputed = built.stream().filter(Row::disputed).count();
        message.set(disputed == 0 ? "Nothing is disputed on this " + (item.isResponse() ? "response" : "comment")
                + " (the labellers agree and the judge is within " + margin.get() + " points); you may still record"
                + " a score." : disputed + (disputed == 1 ? " dimension is" : " dimensions are") + " disputed: choose"
                + " the score that settles each and say why.");
    }

    private void show(ItemKey key, String why) {
        shownKey = key;
        rows.clear();
        available.set(false);
        message.set(why);
    }

    /** Stores the chosen scores of every dimension with the reason; says what is missing instead. */
    public void record() {
        OpenedRollout opened = form.currentProperty().get();
        if (!available.get() || shownKey == null || opened == null || saving) {
            return;
        }
        String me = state.labeller.get();
        if (me == null || me.isBlank()) {
            message.set("Set your name first (File > Change labeller name): adjudications are stored under it.");
            return;
        }
        Optional<Row> unscored = rows.stream().filter(r -> r.chosenProperty().get() == null).findFirst();
        if (unscored.isPresent()) {
            message.set("Choose the adjudicated score of \u201C" + unscored.get().shownName() + "\u201D first.");
            return;
        }
        if (reason.get() == null || reason.get().isBlank()) {
            message.set("Say why these scores settle it (the reason is stored with the adjudication).");
            return;
        }
        ItemKey key = shownKey;
        ReviewItem item = opened.items().stream().filter(i -> i.position() == key.position()).findFirst().orElseThrow();
        List<Adjudication> adjudications = rows.stream().map(r -> Adjudication.of(me, key.rolloutId(), key.position(),
                item.commentId(), r.name(), r.chosenProperty().get(), reason.get().strip(),
                state.rubric.get().version())).toList();
        ReviewSource target = state.data;
        saving = true;
        state.tasks.run("Saving adjudication", progress -> target.adjudicate(adjudications), stored -> {
            saving = false;
            state.addAdjudications(stored);
            adjudicated.run();
            state.message.set("Adjudication saved for " + (item.isResponse() ? "the response" : item.commentId()) + ".");
        }, failure -> {
            saving = false;
            message.set("The adjudication was NOT saved: " + failure.getMessage() + ". Try again.");
        });
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the selected item may be adjudicated now (revealed). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Scale points between the judge and the labellers' consensus that make a dimension disputed. */
    public IntegerProperty marginProperty() {
        return margin;
    }
}
