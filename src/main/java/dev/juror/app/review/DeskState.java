package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.rubric.Unit;
import java.time.Clock;
import java.util.ArrayList;
import dev.juror.store.Adjudication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the desk's queue and label form share: the workspace being labelled, the labeller, the
 * chosen rubric, everyone's labels so far, and the one message line and busy flag the desk shows.
 * Both parts read "is this item mine?" here, so the queue's filter and the form's "next unlabelled
 * item" can never disagree.
 */
final class DeskState {

    final BackgroundTasks tasks;
    final Supplier<String> labeller;
    final Clock clock;
    /** The chosen judge run's scores (the judge panel sets them), or none. */
    JudgeScoreLookup judgeScores = JudgeScoreLookup.NONE;
    final ObjectProperty<RubricChoice> rubric = new SimpleObjectProperty<>(this, "rubric");
    /** The stored review queue the desk works through, or null: the queue filter decides. */
    final ObjectProperty<dev.juror.store.StoredQueue> storedQueue = new SimpleObjectProperty<>(this, "storedQueue");
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    ReviewSource data;
    LabelBook book = new LabelBook(List.of());
    /** The adjudication that counts per item and dimension. */
    Map<ItemKey, Map<String, Adjudication>> adjudications = new HashMap<>();
    /** How far (in scale points) the judge may be from the labellers' consensus before the item needs adjudication. */
    int adjudicationMargin = 2;
    /** Bumped for each load and each rollout opened: answers for an older number are dropped. */
    long generation;

    DeskState(BackgroundTasks tasks, Supplier<String> labeller, Clock clock) {
        this.tasks = tasks;
        this.labeller = labeller;
        this.clock = clock;
    }

    boolean responseLevel() {
        return rubric.get() != null && rubric.get().rubric().unit() == Unit.RESPONSE;
    }

    /** The labelable items of a rollout: its comments, or the whole response. */
    List<ItemKey> itemKeys(QueueEntry entry) {
        if (responseLevel()) {
            return List.of(new ItemKey(entry.rolloutId(), ItemKey.RESPONSE));
        }
        List<ItemKey> keys = new ArrayList<>(entry.commentCount());
        for (int position = 0; position < entry.commentCount(); position++) {
            keys.add(new ItemKey(entry.rolloutId(), position));
        }
        return keys;
    }

    List<String> dimensionNames() {
        return rubric.get() == null ? List.of() : rubric.get().rubric().dimensionNames();
    }

    boolean isMine(ItemKey key) {
        return book.isComplete(key, labeller.get(), dimensionNames());
    }

    void addAdjudications(List<Adjudication> stored) {
        for (Adjudication a : stored) {
            adjudications.computeIfAbsent(new ItemKey(a.rolloutId(), a.commentPosition()), k -> new HashMap<>())
                    .merge(a.dimension(), a, (old, now) -> now.id() < old.id() ? old : now);
        }
    }

    Optional<Adjudication> adjudication(ItemKey key, String dimension) {
        return Optional.ofNullable(adjudications.getOrDefault(key, Map.of()).get(dimension));
    }

    /**
     * Whether a dimension of an item is disputed: two labellers gave different scores, or the judge's
     * score is at least {@link #adjudicationMargin} points from the labellers' consensus (their median).
     */
    boolean disputed(ItemKey key, String dimension) {
        List<Integer> scores = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Map<String, dev.juror.store.StoredLabel> byDimension : book.everyoneOn(key).values()) {
            var label = byDimension.get(dimension);
            if (label != null) {
                texts.add(label.score());
                scaleScore(label.score()).ifPresent(scores::add);
            }
        }
        if (texts.stream().distinct().count() > 1) {
            return true;
        }
        String judged = judgeScores.scoresFor(key).get(dimension);
        if (judged == null || scores.isEmpty()) {
            return false;
        }
        int consensus = dev.juror.calibration.rating.Rating.median(scores.stream().mapToInt(Integer::intValue).toArray());
        return scaleScore(judged).map(j -> Math.abs(j - consensus) >= adjudicationMargin).orElse(false);
    }

    /** Whether any dimension of the item is disputed and not adjudicated yet. */
    boolean needsAdjudication(ItemKey key) {
        return dimensionNames().stream().anyMatch(d -> disputed(key, d) && adjudication(key, d).isEmpty());
    }

    private Optional<Integer> scaleScore(String text) {
        if (rubric.get() == null) {
            return Optional.empty();
        }
        var parsed = dev.juror.calibration.Scales.parse(text, dev.juror.calibration.Scales.of(rubric.get().rubric()));
        return parsed.isPresent() ? Optional.of(parsed.getAsInt()) : Optional.empty();
    }
}
