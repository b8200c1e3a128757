package dev.juror.store;

/**
 * A workspace could not be opened or used for a reason the user can act on (folder not writable,
 * database locked by another process, damaged or foreign database file). The message names the
 * folder and says what to do, so callers can show it as is.
 */
public class WorkspaceException extends RuntimeException {

    /** Why the workspace could not be opened; lets the UI offer the right next step. */
    public enum Reason { NOT_WRITABLE, LOCKED, UNREADABLE_DATABASE, MIGRATION_FAILED }

    private final Reason reason;

    public WorkspaceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
