package dev.juror.app.tasks;

/**
 * Where a task is. A cancel request moves a running task to {@link #STOPPING}; it becomes
 * {@link #CANCELLED} only once its work has really returned (or thrown), so a screen never shows
 * "cancelled" while calls are still in flight.
 */
public enum TaskState {
    RUNNING,
    /** Cancel was requested; the work has not returned yet. */
    STOPPING,
    SUCCEEDED,
    FAILED,
    /** Cancel was requested and the work has returned. */
    CANCELLED;

    public boolean isDone() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
