package dev.juror.judge;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a list of judge tasks through a client under a concurrency limiter and a retry policy.
 *
 * <ul>
 *   <li>Each task runs on its own thread (virtual by default) and waits for a limiter permit per
 *       attempt, so the limiter, not the thread count, decides how many calls are on the wire.</li>
 *   <li>Outcomes are delivered through the {@link OutcomeListener} as they arrive, <b>exactly once
 *       per task that was not skipped</b> — cancelled tasks too, as {@link JudgeOutcome.Cancelled}
 *       (not done; a resume redoes them). Delivery happens on one dedicated delivery thread, never
 *       interrupted, so the listener may write to a database without its own locking and without
 *       interrupt surprises: one outcome at a time, or, for a {@link BatchOutcomeListener}, all of
 *       those that arrived while it was busy at once. A listener that throws is logged and
 *       counted ({@link BatchSummary#callbackErrors()}); delivery goes on.</li>
 *   <li>{@link ProgressListener} gets a snapshot after each delivery and after attempts that were
 *       throttled or will be retried (coalesced), on the same delivery thread.</li>
 *   <li>{@link BatchHandle#cancel()} stops new attempts and interrupts calls in flight.</li>
 *   <li>A {@code skip} predicate on task keys leaves finished tasks out (resume).</li>
 * </ul>
 */
public final class JudgeBatchExecutor {

    /** Receives each outcome; see the class comment for threading. */
    @FunctionalInterface
    public interface OutcomeListener {
        void onOutcome(JudgeOutcome outcome) throws Exception;
    }

    /**
     * A listener that can also take several outcomes at once: those that queued up while the
     * previous delivery ran, in arrival order. A listener that stores outcomes stores them together
     * (one transaction instead of one each), so the delivery thread keeps up with a fast judge.
     * {@link #onOutcomes} must be all or none: if it throws, each outcome of the list is delivered
     * again through {@link #onOutcome}.
     */
    public interface BatchOutcomeListener extends OutcomeListener {
        void onOutcomes(List<JudgeOutcome> outcomes) throws Exception;
    }

    /** Receives progress snapshots. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = progress -> { };

        void onProgress(BatchProgress progress);
    }

    private final JudgeClient client;
    private final RetryPolicy policy;
    private final Supplier<ConcurrencyLimiter> limiters;
    private final JudgeClock clock;
    private final DoubleSupplier jitter;
    private final Supplier<ExecutorService> workers;

    private JudgeBatchExecutor(Builder b) {
        this.client = b.client;
        this.policy = b.policy;
        this.limiters = b.limiters;
        this.clock = b.clock;
        this.jitter = b.jitter;
        this.workers = b.workers;
    }

    public static Builder builder(JudgeClient client) {
        return new Builder(client);
    }

    /** Runs the tasks and blocks until every outcome is delivered. */
    public BatchSummary run(List<JudgeTask> tasks, Predicate<String> skip, OutcomeListener onOutcome,
                            ProgressListener onProgress) throws InterruptedException {
        BatchHandle handle = start(tasks, skip, onOutcome, onProgress);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    /**
     * Starts the batch in the background.
     *
     * @param skip keys of tasks already finished; they are not run and get no outcome
     * @throws IllegalArgumentException if two tasks share a key
     */
    public BatchHandle start(List<JudgeTask> tasks, Predicate<String> skip, OutcomeListener onOutcome,
                             ProgressListener onProgress) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(skip, "skip");
        Objects.requireNonNull(onOutcome, "onOutcome");
        Objects.requireNonNull(onProgress, "onProgress");
        Set<String> keys = new HashSet<>();
        for (JudgeTask task : tasks) {
            if (!keys.add(task.key())) {
                throw new IllegalArgumentException("two judge tasks share the key '" + task.key()
                        + "'; keys identify results and must be unique within a batch");
            }
        }
        BatchRun run = new BatchRun(List.copyOf(tasks), skip, onOutcome, onProgress, client, policy, limiters.get(),
                clock, jitter, workers.get());
        run.launch();
        return run;
    }

    /** A started batch. */
    public interface BatchHandle {
        /** Stops launching attempts and interrupts calls in flight; idempotent. */
        void cancel();

        /** Blocks until every outcome has been delivered. */
        BatchSummary await() throws InterruptedException;

        /** As {@link #await()} with a limit; empty on timeout. */
        Optional<BatchSummary> await(Duration timeout) throws InterruptedException;

        /** Snapshot now. */
        BatchProgress progress();

        /** Completes when every outcome has been delivered. */
        CompletableFuture<BatchSummary> completion();
    }

    /** Configures an executor. */
    public static final class Builder {
        private final JudgeClient client;
        private RetryPolicy policy = RetryPolicy.DEFAULT;
        private Supplier<ConcurrencyLimiter> limiters = () -> AdaptiveLimiter.withMaxLimit(AdaptiveLimiter.DEFAULT_MAX_LIMIT);
        private JudgeClock clock = JudgeClock.system();
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private Supplier<ExecutorService> workers = Executors::newVirtualThreadPerTaskExecutor;

        private Builder(JudgeClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.policy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** A fresh limiter per batch (a limiter's learnt limit belongs to one endpoint and run). */
        public Builder limiter(Supplier<ConcurrencyLimiter> limiterFactory) {
            this.limiters = Objects.requireNonNull(limiterFactory, "limiterFactory");
            return this;
        }

        /** Adaptive AIMD control with the default constants under the given hard cap. */
        public Builder adaptiveConcurrency(int maxConcurrency) {
            return limiter(() -> AdaptiveLimiter.withMaxLimit(maxConcurrency));
        }

        /** A constant cap, no adaptation. */
        public Builder fixedConcurrency(int concurrency) {
            return limiter(() -> new FixedLimiter(concurrency));
        }

        public Builder clock(JudgeClock judgeClock) {
            this.clock = Objects.requireNonNull(judgeClock, "clock");
            return this;
        }

        /** Source of uniform [0, 1) numbers for back-off jitter. */
        public Builder jitter(DoubleSupplier uniform) {
            this.jitter = Objects.requireNonNull(uniform, "jitter");
            return this;
        }

        /** Threads running the tasks; default one virtual thread per task. A new executor per batch. */
        public Builder workers(Supplier<ExecutorService> executorFactory) {
            this.workers = Objects.requireNonNull(executorFactory, "executorFactory");
            return this;
        }

        public JudgeBatchExecutor build() {
            return new JudgeBatchExecutor(this);
        }
    }
}
