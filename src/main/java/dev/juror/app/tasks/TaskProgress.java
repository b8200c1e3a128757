package dev.juror.app.tasks;

/** What background work sees of its task: a place to report progress, and whether it was cancelled. */
public interface TaskProgress {

    /** Reports {@code done} of {@code total} steps (a negative total means "unknown") and a short message. */
    void update(long done, long total, String message);

    boolean isCancelled();

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
