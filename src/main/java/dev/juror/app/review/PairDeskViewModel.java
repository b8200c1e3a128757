package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.rubric.Dimension;
import dev.juror.rubric.Preference;
import dev.juror.store.NewPreference;
import dev.juror.store.ShownOrder;
import dev.juror.store.StoredPreference;
import dev.juror.workspace.Preferences.PairToLabel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review desk for pairwise rubrics: pairs of rollouts of one sample, shown side by side in an
 * order drawn at random for each pair (and recorded with the preference); per dimension the labeller
 * says A (left is better), B (right) or T (tie), Tab/Up/Down move between dimensions, Enter submits
 * (committed before the desk says it is saved), J/K move between pairs. Blind as the pointwise desk:
 * the judge's verdict and other labellers' preferences stay hidden until the labeller's own
 * preference on the pair is stored; a correction given after that records what was shown.
 */
public final class PairDeskViewModel {

    /** What a correction after the reveal records as seen. */
    static final String SEEN_AFTER_REVEAL = "the judge's verdict and other labellers' preferences, shown after an earlier submit";

    private final BackgroundTasks tasks;
    private final Supplier<String> labeller;
    private final Clock clock;
    private final Random random;
    private final ObservableList<RubricChoice> rubrics = FXCollections.observableArrayList();
    private final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    private final ObservableList<PairRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected");
    private final ReadOnlyObjectWrapper<ShownPair> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper revealed = new ReadOnlyStringWrapper(this, "revealed", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private PairSource source;
    private List<PairToLabel> pairs = List.of();
    private List<StoredPreference> preferences = new ArrayList<>();
    private int position = -1;
    private Instant openedAt;
    private boolean submitting;
    private long generation;

    public PairDeskViewModel(BackgroundTasks tasks, Supplier<String> labeller, Clock clock, Random random) {
        this.tasks = tasks;
        this.labeller = labeller;
        this.clock = clock;
        this.random = random;
        rubric.addListener((obs, old, now) -> loadPairs());
    }

    /** Reads the pairwise rubrics and the preferences so far; {@code null} clears the desk. */
    public void load(PairSource data) {
        source = data;
        generation++;
        rubric.set(null);
        rubrics.clear();
        if (data == null) {
            return;
        }
        long wanted = generation;
        tasks.runQuietly(progress -> data.pairwiseRubrics(), list -> {
            if (wanted == generation) {
                rubrics.setAll(list.rubrics());
            }
        }, failure -> message.set("Could not read the pairwise rubrics: " + failure.getMessage()));
    }

    private void loadPairs() {
        generation++;
        current.set(null);
        rows.clear();
        revealed.set("");
        pairs = List.of();
        position = -1;
        RubricChoice chosen = rubric.get();
        if (chosen == null || source == null) {
            return;
        }
        for (Dimension d : chosen.rubric().dimensions()) {
            rows.add(new PairRow(d.name(), d.question()));
        }
        long wanted = generation;
        PairSource data = source;
        message.set("Loading the pairs ...");
        tasks.runQuietly(progress -> new Loaded(data.pairs(chosen.rubric().name()), data.latestPreferences()), loaded -> {
            if (wanted != generation) {
                return;
            }
            pairs = loaded.pairs();
            preferences = new ArrayList<>(loaded.preferences());
            message.set(pairs.isEmpty() ? "No sample has two rollouts to compare." : "");
            open(firstUnlabelled(0).orElse(pairs.isEmpty() ? -1 : 0));
        }, failure -> message.set("Could not load the pairs: " + failure.getMessage()));
    }

    private record Loaded(List<PairToLabel> pairs, List<StoredPreference> preferences) {
    }

    private Optional<Integer> firstUnlabelled(int from) {
        for (int i = from; i < pairs.size(); i++) {
            if (mine(pairs.get(i)).isEmpty()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** My preferences that count on a pair, by dimension. */
    private List<StoredPreference> mine(PairToLabel pair) {
        String me = labeller.get();
        return preferences.stream().filter(p -> p.labeller().equals(me) && samePair(p, pair)).toList();
    }

    private static boolean samePair(StoredPreference p, PairToLabel pair) {
        return (p.rolloutAId() == pair.first() && p.rolloutBId() == pair.second())
                || (p.rolloutAId() == pair.second() && p.rolloutBId() == pair.first());
    }

    private void open(int index) {
        if (index < 0 || index >= pairs.size() || source == null) {
            return;
        }
        position = index;
        PairToLabel pair = pairs.get(index);
        List<StoredPreference> mine = mine(pair);
        // The order is drawn once per pair and labeller: a pair I compared before comes back as I saw it.
        ShownOrder order = mine.isEmpty() ? (random.nextBoolean() ? ShownOrder.AB : ShownOrder.BA) : mine.get(0).shown();
        long wanted = ++generation;
        PairSource data = source;
        tasks.runQuietly(progress -> data.openPair(pair), rollouts -> {
            if (wanted != generation) {
                return;
            }
            ShownPair shown = ShownPair.of(pair, order, rollouts.get(0), rollouts.get(1));
            for (PairRow row : rows) {
                row.choiceProperty().set(mine.stream().filter(p -> p.dimension().equals(row.dimension())).findFirst()
                        .map(p -> shown.toShown(p.towards(pair.first()))).orElse(null));
            }
            selected.set(0);
            openedAt = clock.instant();
            title.set("Sample " + pair.sampleId() + "  \u00B7  pair " + (index + 1) + " of " + pairs.size()
                    + "  \u00B7  " + comparedByMe() + " compared by you");
            current.set(shown);
            if (mine.isEmpty()) {
                revealed.set("");
            } else {
                reveal(shown);
            }
        }, failure -> message.set("Could not open the pair: " + failure.getMessage()));
    }

    private long comparedByMe() {
        return pairs.stream().filter(p -> !mine(p).isEmpty()).count();
    }

    /**
     * A key of the pairwise desk: A, B, T choose for the selected dimension and move on; Tab and
     * Down move to the next dimension, Up to the previous; Enter submits; J and K move between pairs.
     *
     * @return whether the key was the desk's
     */
    public boolean key(String key) {
        switch (key) {
            case "A" -> choose(Preference.A);
            case "B" -> choose(Preference.B);
            case "T" -> choose(Preference.TIE);
            case "TAB", "DOWN" -> selected.set(Math.min(rows.size() - 1, selected.get() + 1));
            case "UP" -> selected.set(Math.max(0, selected.get() - 1));
            case "ENTER" -> submit();
            case "J" -> open(firstUnlabelled(position + 1).orElse(Math.min(pairs.size() - 1, position + 1)));
            case "K" -> open(Math.max(0, position - 1));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Sets the selected dimension's choice (as seen) and moves to the next dimension. */
    public void choose(Preference seen) {
        if (current.get() == null || rows.isEmpty()) {
            return;
        }
        rows.get(selected.get()).choiceProperty().set(seen);
        selected.set(Math.min(rows.size() - 1, selected.get() + 1));
    }

    /** Stores a preference per dimension when every dimension has one; says what is missing otherwise. */
    public void submit() {
        ShownPair shown = current.get();
        if (shown == null || submitting) {
            return;
        }
        List<String> missing = rows.stream().filter(r -> r.choiceProperty().get() == null).map(PairRow::dimension).toList();
        if (!missing.isEmpty()) {
            message.set("Choose A, B or T for " + String.join(", ", missing) + " first.");
            return;
        }
        boolean afterReveal = !revealed.get().isEmpty();
        double seconds = openedAt == null ? 0 : Duration.between(openedAt, clock.instant()).toMillis() / 1000.0;
        List<NewPreference> batch = new ArrayList<>();
        for (PairRow row : rows) {
            batch.add(new NewPreference(labeller.get(), shown.pair().first(), shown.pair().second(), shown.order(),
                    row.dimension(), shown.toStored(row.choiceProperty().get()), "", seconds, rubric.get().version(),
                    !afterReveal, afterReveal ? SEEN_AFTER_REVEAL : ""));
        }
        PairSource data = source;
        submitting = true;
        tasks.run("Saving preference", progress -> data.submitPreferences(batch), stored -> {
            submitting = false;
            preferences.removeIf(p -> p.labeller().equals(labeller.get()) && samePair(p, shown.pair()));
            preferences.addAll(stored);
            message.set("Saved your preference on pair " + (position + 1) + ". J for the next pair.");
            if (current.get() == shown) {
                title.set(title.get().replaceAll("\\d+ compared by you", comparedByMe() + " compared by you"));
                reveal(shown);
            }
        }, failure -> {
            submitting = false;
            message.set("The preference was NOT saved: " + failure.getMessage() + ". Try Enter again.");
        });
    }

    /** Shows the judge's verdict and the other labellers' preferences, once mine is stored. */
    private void reveal(ShownPair shown) {
        String rubricName = rubric.get().rubric().name();
        PairSource data = source;
        List<StoredPreference> others = preferences.stream()
                .filter(p -> !p.labeller().equals(labeller.get()) && samePair(p, shown.pair())).toList();
        tasks.runQuietly(progress -> data.judgeVerdicts(rubricName, shown.pair()), judge -> {
            if (current.get() == shown) {
                revealed.set(RevealText.of(rows, shown, judge, others));
            }
        }, failure -> revealed.set("Could not read the judge's verdict: " + failure.getMessage()));
    }

    public ObservableList<RubricChoice> rubrics() {
        return rubrics;
    }

    /** The chosen pairwise rubric; null while the pointwise desk is in use. */
    public ObjectProperty<RubricChoice> rubricProperty() {
        return rubric;
    }

    public ObservableList<PairRow> rows() {
        return rows;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ShownPair> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The judge's and other labellers' verdicts, in words; empty until the labeller's own is stored. */
    public ReadOnlyStringProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

}
