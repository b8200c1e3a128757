package dev.juror.app.tasks;

/** What background work sees of its task: a place to report progress, and whether it was cancelled. */
public interface TaskProgress {

    /** Reports {@code done} of {@code total} steps (a negative total means "unknown") and a short message. */
    void update(long done, long total, String message);

    boolean isCancelled();

    /**
     * How this work stops when cancelled. Work that registers an action is not interrupted: the
     * action runs (on the thread that cancels) and the work returns when it has stopped, e.g. a judge
     * run that cancels its calls and stores its state. Work that registers none is interrupted.
     * An action registered after cancellation runs at once.
     */
    default void onCancel(Runnable stop) {
    }

    /** For work that cannot report anything (tests, quiet reads). */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
