package dev.juror.judge.run;

import dev.juror.judge.BatchProgress;
import dev.juror.judge.output.ResultStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a running judge run: the transport's counters plus results per recorded status.
 *
 * @param batch       calls, retries, throttles, tokens, elapsed, ETA (this session)
 * @param statusCounts results stored in this session, per status (a transport success may still be a
 *                     parse or schema error)
 * @param total        calls of the whole plan
 * @param alreadyDone  calls finished by earlier sessions (skipped on resume)
 * @param stage        what a run that is not a stream of calls is doing now, in words (a Bedrock batch job:
 *                     "batch job InProgress: 1,200 of 20,000 records processed"); empty for on-demand runs
 */
public record RunProgress(BatchProgress batch, Map<ResultStatus, Integer> statusCounts, int total, int alreadyDone,
                          String stage) {

    public RunProgress {
        statusCounts = Map.copyOf(statusCounts);
        java.util.Objects.requireNonNull(stage, "stage");
    }

    /** The progress of an on-demand run. */
    public RunProgress(BatchProgress batch, Map<ResultStatus, Integer> statusCounts, int total, int alreadyDone) {
        this(batch, statusCounts, total, alreadyDone, "");
    }

    public int count(ResultStatus status) {
        return statusCounts.getOrDefault(status, 0);
    }

    /** Results stored (this session and earlier ones). */
    public int done() {
        return alreadyDone + batch.done();
    }

    /** Results of this session that are not ok. */
    public int failed() {
        return batch.done() - count(ResultStatus.OK);
    }

    public long throttled() {
        return batch.throttledAttempts();
    }

    public long retries() {
        return batch.retries();
    }

    public Duration elapsed() {
        return batch.elapsed();
    }

    public Optional<Duration> eta() {
        return batch.eta();
    }
}
