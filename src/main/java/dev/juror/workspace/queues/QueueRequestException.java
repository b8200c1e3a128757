package dev.juror.workspace.queues;

/** A queue that cannot be made as asked: one sentence, and the field the user should change. */
public final class QueueRequestException extends RuntimeException {

    /** The part of the request at fault (the command maps it to its option). */
    public enum Field { NAME, STRATEGY, RUN, COUNT, OVERLAP, LABELLERS, CHECKPOINT, BANDS }

    private final Field field;

    public QueueRequestException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
