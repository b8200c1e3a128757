package dev.juror.app.rubric;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Undo and redo over snapshots of an immutable model. Typing in one field is one step, not one
 * step per key: edits of the same field within {@link #COALESCE_MILLIS} of each other merge.
 */
final class EditHistory<T> {

    static final long COALESCE_MILLIS = 1500;
    private static final int LIMIT = 500;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private String lastField;
    private long lastMillis;

    /**
     * Records that the model is about to change from {@code before}.
     *
     * @param field the edited field's path; {@code null} for edits that never merge (add, remove, move)
     */
    void record(T before, String field, long nowMillis) {
        boolean merge = field != null && Objects.equals(field, lastField) && nowMillis - lastMillis < COALESCE_MILLIS
                && !undo.isEmpty();
        if (!merge) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastField = field;
        lastMillis = nowMillis;
    }

    Optional<T> undo(T current) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        redo.push(current);
        lastField = null;
        return Optional.of(undo.pop());
    }

    Optional<T> redo(T current) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        undo.push(current);
        lastField = null;
        return Optional.of(redo.pop());
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void clear() {
        undo.clear();
        redo.clear();
        lastField = null;
    }
}
