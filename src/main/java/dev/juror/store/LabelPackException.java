package dev.juror.store;

/** A label pack that cannot be read at all (not JSONL, a field missing): nothing was imported. */
public class LabelPackException extends RuntimeException {
    public LabelPackException(String message) {
        super(message);
    }

    public LabelPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
