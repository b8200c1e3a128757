package dev.juror.judge.run;

import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.ResultStatus;
import java.time.Duration;

/**
 * The end of a run session.
 *
 * @param progress    the last progress snapshot
 * @param cancelled   the session was cancelled before every call finished
 * @param saveErrors  results that could not be stored (they will be redone by a resume)
 */
public record RunSummary(RunProgress progress, boolean cancelled, int saveErrors) {

    public int count(ResultStatus status) {
        return progress.count(status);
    }

    /** Every call of the plan has a stored result. */
    public boolean complete() {
        return !cancelled && saveErrors == 0 && progress.batch().cancelled() == 0
                && progress.done() >= progress.total();
    }

    public TokenUsage usage() {
        return progress.batch().usage();
    }

    public Duration elapsed() {
        return progress.elapsed();
    }

    /** Results per second of this session. */
    public double throughput() {
        double seconds = elapsed().toNanos() / 1e9;
        return seconds <= 0 ? 0.0 : progress.batch().done() / seconds;
    }
}
