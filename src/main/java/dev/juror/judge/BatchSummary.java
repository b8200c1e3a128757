package dev.juror.judge;

import java.time.Duration;

/**
 * The end of a batch: the last {@link BatchProgress}, whether it was cancelled, and how many
 * outcome callbacks threw (their outcomes still count as delivered).
 */
public record BatchSummary(BatchProgress progress, boolean cancelRequested, int callbackErrors) {

    public int succeeded() {
        return progress.succeeded();
    }

    public int failed() {
        return progress.failed();
    }

    public int cancelled() {
        return progress.cancelled();
    }

    public long throttledAttempts() {
        return progress.throttledAttempts();
    }

    public Duration elapsed() {
        return progress.elapsed();
    }
}
