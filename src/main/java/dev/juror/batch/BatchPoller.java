package dev.juror.batch;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Watches a job until it ends: looks at it, waits, looks again, the wait growing by half up to the
 * options' maximum. Each look is stored with the job and reported as the run's stage. When the run
 * is cancelled the job is stopped (once) and watched until Bedrock says it stopped, so what it
 * finished can still be read.
 */
final class BatchPoller {

    private static final Duration CANCEL_CHECK = Duration.ofMillis(100);

    private final BatchJobs jobs;
    private final BatchLedger ledger;
    private final BatchOptions options;
    private final Consumer<String> report;
    private final BooleanSupplier cancelled;

    BatchPoller(BatchJobs jobs, BatchLedger ledger, BatchOptions options, Consumer<String> report,
                BooleanSupplier cancelled) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.options = options;
        this.report = report;
        this.cancelled = cancelled;
    }

    /** @return the job's final state */
    BatchJobs.JobState await(BatchLedger.Job job) throws InterruptedException {
        String arn = job.jobArn().orElseThrow();
        Duration wait = options.firstPoll();
        boolean stopSent = false;
        while (true) {
            if (cancelled.getAsBoolean() && !stopSent) {
                report.accept("stopping batch job " + BatchJobs.jobId(arn));
                BatchJobs.JobState now = jobs.state(arn);
                if (!now.status().ended()) {
                    jobs.stop(arn);
                }
                stopSent = true;
                wait = options.firstPoll();
            }
            BatchJobs.JobState state = jobs.state(arn);
            ledger.status(job.id(), state.status(), state.message());
            if (state.status().ended()) {
                return state;
            }
            report.accept(describe(arn, state, wait));
            sleep(wait, stopSent);
            wait = Duration.ofMillis(Math.min(options.maxPoll().toMillis(), Math.round(wait.toMillis() * 1.5)));
        }
    }

    static String describe(String arn, BatchJobs.JobState state, Duration next) {
        StringBuilder text = new StringBuilder("batch job ").append(BatchJobs.jobId(arn)).append(' ')
                .append(state.status().wire());
        if (state.processed().isPresent() && state.total().isPresent()) {
            text.append(String.format(Locale.ROOT, ": %,d of %,d records processed", state.processed().get(),
                    state.total().get()));
            state.failed().filter(n -> n > 0).ifPresent(n -> text.append(String.format(Locale.ROOT, ", %,d errors", n)));
        }
        return text.append(String.format(Locale.ROOT, "; next look in %d s", Math.max(1, next.toSeconds()))).toString();
    }

    /** Sleeps, waking early when the run is cancelled (so the stop is sent at once). */
    private void sleep(Duration wait, boolean stopSent) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (!stopSent && cancelled.getAsBoolean()) {
                return;
            }
            Thread.sleep(Math.max(1, Math.min(CANCEL_CHECK.toMillis(), (end - System.nanoTime()) / 1_000_000)));
        }
    }
}
