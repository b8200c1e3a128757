package dev.juror.judge;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a list of judge tasks through a client under a concurrency limiter and a retry policy.
 *
 * <ul>
 *   <li>Each task runs on its own thread (virtual by default) and waits for a limiter permit per
 *       attempt, so the limiter, not the thread count, decides how many calls are on the wire.</li>
 *   <li>Outcomes are delivered through the {@link OutcomeListener} as they arrive, <b>exactly once
 *       per task that was not skipped</b> — cancelled tasks too, as {@link JudgeOutcome.Cancelled}
 *       (not done; a resume redoes them). Delivery happens on one dedicated delivery thread, one
 *       outcome at a time and never interrupted, so the listener may write to a database without
 *       its own locking and without interrupt surprises. A listener that throws is logged and
 *       counted ({@link BatchSummary#callbackErrors()}); delivery goes on.</li>
 *   <li>{@link ProgressListener} gets a snapshot after each outcome and after attempts that were
 *       throttled or will be retried (coalesced), on the same delivery thread.</li>
 *   <li>{@link BatchHandle#cancel()} stops new attempts and interrupts calls in flight.</li>
 *   <li>A {@code skip} predicate on task keys leaves finished tasks out (resume).</li>
 * </ul>
 */
public final class JudgeBatchExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(JudgeBatchExecutor.class);

    /** Receives each outcome; see the class comment for threading. */
    @FunctionalInterface
    public interface OutcomeListener {
        void onOutcome(JudgeOutcome outcome) throws Exception;
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
        Run run = new Run(List.copyOf(tasks), skip, onOutcome, onProgress, limiters.get());
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

    private final class Run implements BatchHandle {
        private static final Object TICK = new Object();
        private static final Object END = new Object();

        private final List<JudgeTask> tasks;
        private final Predicate<String> skip;
        private final OutcomeListener onOutcome;
        private final ProgressListener onProgress;
        private final ConcurrencyLimiter limiter;
        private final RetryingJudgeCaller caller;
        private final AtomicIntegerArray reported;
        private final LinkedBlockingQueue<Object> deliveries = new LinkedBlockingQueue<>();
        private final AtomicBoolean tickPending = new AtomicBoolean();
        private final AtomicBoolean cancelRequested = new AtomicBoolean();
        private final CompletableFuture<BatchSummary> completion = new CompletableFuture<>();
        private final ExecutorService pool;
        private final long startNanos;

        private final AtomicLong attempts = new AtomicLong();
        private final AtomicLong retries = new AtomicLong();
        private final AtomicLong throttled = new AtomicLong();
        // Written by the delivery thread only; volatile for progress() from other threads.
        private volatile int skipped;
        private volatile int succeeded;
        private volatile int failed;
        private volatile int cancelled;
        private volatile TokenUsage usage = TokenUsage.ZERO;
        private int callbackErrors;

        Run(List<JudgeTask> tasks, Predicate<String> skip, OutcomeListener onOutcome, ProgressListener onProgress,
            ConcurrencyLimiter limiter) {
            this.tasks = tasks;
            this.skip = skip;
            this.onOutcome = onOutcome;
            this.onProgress = onProgress;
            this.limiter = limiter;
            this.caller = new RetryingJudgeCaller(new CountingClient(), policy, limiter, clock, jitter);
            this.reported = new AtomicIntegerArray(tasks.size());
            this.pool = workers.get();
            this.startNanos = clock.nanoTime();
        }

        void launch() {
            int toSkip = 0;
            for (int i = 0; i < tasks.size(); i++) {
                if (skip.test(tasks.get(i).key())) {
                    reported.set(i, 1);
                    toSkip++;
                }
            }
            skipped = toSkip;
            Thread.ofPlatform().name("judge-batch-delivery").daemon(true).start(this::deliverLoop);
            for (int i = 0; i < tasks.size(); i++) {
                if (reported.get(i) == 0) {
                    int index = i;
                    try {
                        pool.execute(() -> runTask(index));
                    } catch (java.util.concurrent.RejectedExecutionException rejected) {
                        // Cancelled while launching: the finisher reports the task as cancelled.
                        break;
                    }
                }
            }
            pool.shutdown();
            Thread.ofVirtual().name("judge-batch-finisher").start(this::finishWhenWorkersEnd);
        }

        private void runTask(int index) {
            JudgeTask task = tasks.get(index);
            JudgeOutcome outcome;
            try {
                outcome = caller.call(task, this::attemptFailed, cancelRequested::get);
            } catch (RuntimeException | Error e) {
                LOG.error("judge task {} crashed", task.key(), e);
                outcome = new JudgeOutcome.Failed(task.key(), new JudgeFailure(FailureKind.UNKNOWN,
                        e.getClass().getSimpleName(), java.util.OptionalInt.empty(), String.valueOf(e.getMessage()),
                        Optional.empty()), 0, 0, Duration.ZERO);
            }
            report(index, outcome);
        }

        private void attemptFailed(JudgeTask task, JudgeCallException failure, boolean willRetry) {
            if (failure.kind() == FailureKind.THROTTLED) {
                throttled.incrementAndGet();
            }
            if (willRetry) {
                retries.incrementAndGet();
                LOG.debug("judge task {}: {} ({}), retrying", task.key(), failure.kind(), failure.errorType());
            }
            if (tickPending.compareAndSet(false, true)) {
                deliveries.add(TICK);
            }
        }

        private void report(int index, JudgeOutcome outcome) {
            if (reported.compareAndSet(index, 0, 1)) {
                deliveries.add(outcome);
            }
        }

        private void finishWhenWorkersEnd() {
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // keep waiting; cancel() interrupts the workers
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < tasks.size(); i++) {
                report(i, new JudgeOutcome.Cancelled(tasks.get(i).key(), 0, 0, Duration.ZERO));
            }
            deliveries.add(END);
        }

        private void deliverLoop() {
            while (true) {
                Object item;
                try {
                    item = deliveries.take();
                } catch (InterruptedException e) {
                    // Nobody interrupts this thread; if something does, keep delivering.
                    continue;
                }
                if (item == END) {
                    BatchProgress last = progress();
                    publish(last);
                    completion.complete(new BatchSummary(last, cancelRequested.get(), callbackErrors));
                    return;
                }
                if (item == TICK) {
                    tickPending.set(false);
                } else {
                    deliver((JudgeOutcome) item);
                }
                publish(progress());
            }
        }

        private void deliver(JudgeOutcome outcome) {
            switch (outcome) {
                case JudgeOutcome.Succeeded s -> succeeded++;
                case JudgeOutcome.Failed f -> failed++;
                case JudgeOutcome.Cancelled c -> cancelled++;
            }
            usage = usage.plus(outcome.usage());
            try {
                onOutcome.onOutcome(outcome);
            } catch (Exception | Error e) {
                callbackErrors++;
                LOG.error("outcome listener failed for judge task {}", outcome.key(), e);
            }
        }

        private void publish(BatchProgress progress) {
            try {
                onProgress.onProgress(progress);
            } catch (RuntimeException e) {
                LOG.warn("progress listener failed", e);
            }
        }

        @Override
        public BatchProgress progress() {
            Duration elapsed = Duration.ofNanos(Math.max(0, clock.nanoTime() - startNanos));
            int finished = succeeded + failed;
            int remaining = tasks.size() - skipped - finished - cancelled;
            Optional<Duration> eta = finished == 0 ? Optional.empty()
                    : Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() / finished * remaining)));
            return new BatchProgress(tasks.size(), skipped, succeeded, failed, cancelled, limiter.inFlight(),
                    attempts.get(), retries.get(), throttled.get(), usage, elapsed, eta, limiter.currentLimit());
        }

        @Override
        public void cancel() {
            if (cancelRequested.compareAndSet(false, true)) {
                pool.shutdownNow();
            }
        }

        @Override
        public BatchSummary await() throws InterruptedException {
            try {
                return completion.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("judge batch failed", e.getCause());
            }
        }

        @Override
        public Optional<BatchSummary> await(Duration timeout) throws InterruptedException {
            try {
                return Optional.of(completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("judge batch failed", e.getCause());
            }
        }

        @Override
        public CompletableFuture<BatchSummary> completion() {
            return completion;
        }

        /** Counts attempts as they start. */
        private final class CountingClient implements JudgeClient {
            @Override
            public JudgeResponse call(JudgeRequest request) {
                attempts.incrementAndGet();
                return client.call(request);
            }

            @Override
            public String name() {
                return client.name();
            }
        }
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
