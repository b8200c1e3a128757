package dev.juror.judge;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running batch.
 *
 * @param total             tasks handed to the executor, skipped ones included
 * @param skipped           tasks not run because they were already finished (resume)
 * @param succeeded         outcomes delivered as {@link JudgeOutcome.Succeeded}
 * @param failed            outcomes delivered as {@link JudgeOutcome.Failed}
 * @param cancelled         outcomes delivered as {@link JudgeOutcome.Cancelled}
 * @param inFlight          calls on the wire now
 * @param attempts          attempts started so far
 * @param retries           attempts that failed and will be retried
 * @param throttledAttempts attempts answered with throttling
 * @param usage             tokens of delivered outcomes
 * @param elapsed           since the batch started
 * @param eta               estimated time to finish from the rate so far; empty before the first outcome
 * @param concurrencyLimit  the limiter's current limit
 */
public record BatchProgress(int total, int skipped, int succeeded, int failed, int cancelled, int inFlight,
                            long attempts, long retries, long throttledAttempts, TokenUsage usage, Duration elapsed,
                            Optional<Duration> eta, int concurrencyLimit) {

    /** Finished results (succeeded + failed); cancelled tasks are not done. */
    public int done() {
        return succeeded + failed;
    }

    /** Tasks neither skipped nor delivered yet. */
    public int remaining() {
        return total - skipped - succeeded - failed - cancelled;
    }
}
