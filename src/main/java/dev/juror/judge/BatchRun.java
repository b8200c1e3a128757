package dev.juror.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started batch of {@link JudgeBatchExecutor}: the worker threads that call the judge, the
 * single delivery thread that hands outcomes and progress to the listeners, and the counts behind
 * {@link #progress()}. See the executor's class comment for the guarantees.
 */
final class BatchRun implements JudgeBatchExecutor.BatchHandle {

    /** The executor's logger: a batch's log lines are the executor's to its readers. */
    private static final Logger LOG = LoggerFactory.getLogger(JudgeBatchExecutor.class);
    private static final Object TICK = new Object();
    private static final Object END = new Object();
    /** Most outcomes handed to the listener in one call (one transaction of a store). */
    static final int MAX_DELIVERED_AT_ONCE = 64;

    private final List<JudgeTask> tasks;
    private final Predicate<String> skip;
    private final JudgeBatchExecutor.OutcomeListener onOutcome;
    private final JudgeBatchExecutor.ProgressListener onProgress;
    private final JudgeClient client;
    private final JudgeClock clock;
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

    /**
     * @param pool    runs the tasks; shut down once they are all launched
     * @param jitter  uniform [0, 1) numbers for back-off jitter
     */
    BatchRun(List<JudgeTask> tasks, Predicate<String> skip, JudgeBatchExecutor.OutcomeListener onOutcome,
             JudgeBatchExecutor.ProgressListener onProgress, JudgeClient client, RetryPolicy policy,
             ConcurrencyLimiter limiter, JudgeClock clock, DoubleSupplier jitter, ExecutorService pool) {
        this.tasks = tasks;
        this.skip = skip;
        this.onOutcome = onOutcome;
        this.onProgress = onProgress;
        this.limiter = limiter;
        this.client = client;
        this.clock = clock;
        this.caller = new RetryingJudgeCaller(new CountingClient(), policy, limiter, clock, jitter);
        this.reported = new AtomicIntegerArray(tasks.size());
        this.pool = pool;
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
        List<Object> items = new ArrayList<>();
        while (true) {
            items.clear();
            try {
                items.add(deliveries.take());
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; if something does, keep delivering.
                continue;
            }
            // Whatever else queued up while the last delivery ran goes out with it.
            deliveries.drainTo(items, MAX_DELIVERED_AT_ONCE - 1);
            List<JudgeOutcome> outcomes = new ArrayList<>(items.size());
            boolean ended = false;
            for (Object item : items) {
                if (item == END) {
                    ended = true; // always last: the finisher adds it after every outcome
                } else if (item == TICK) {
                    tickPending.set(false);
                } else {
                    outcomes.add((JudgeOutcome) item);
                }
            }
            deliver(outcomes);
            if (ended) {
                BatchProgress last = progress();
                publish(last);
                completion.complete(new BatchSummary(last, cancelRequested.get(), callbackErrors));
                return;
            }
            publish(progress());
        }
    }

    private void deliver(List<JudgeOutcome> outcomes) {
        for (JudgeOutcome outcome : outcomes) {
            switch (outcome) {
                case JudgeOutcome.Succeeded s -> succeeded++;
                case JudgeOutcome.Failed f -> failed++;
                case JudgeOutcome.Cancelled c -> cancelled++;
            }
            usage = usage.plus(outcome.usage());
        }
        if (outcomes.size() > 1 && onOutcome instanceof JudgeBatchExecutor.BatchOutcomeListener together) {
            try {
                together.onOutcomes(List.copyOf(outcomes));
                return;
            } catch (Exception | Error e) {
                LOG.warn("outcome listener failed for {} outcomes together; delivering them one by one", outcomes.size(), e);
            }
        }
        for (JudgeOutcome outcome : outcomes) {
            try {
                onOutcome.onOutcome(outcome);
            } catch (Exception | Error e) {
                callbackErrors++;
                LOG.error("outcome listener failed for judge task {}", outcome.key(), e);
            }
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
