package dev.juror.workspace.labels;

/** A label pack refused whole (a line broken or against the rules, an unconfirmed labeller): nothing was imported. */
public class LabelPackException extends RuntimeException {
    public LabelPackException(String message) {
        super(message);
    }

    public LabelPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
