package dev.juror.app.review;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.rubric.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    ReviewSource data;
    LabelBook book = new LabelBook(List.of());
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
}
