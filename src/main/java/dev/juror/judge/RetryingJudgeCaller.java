package dev.juror.judge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Runs one judge task to its end: acquires a limiter permit per attempt, calls the client, feeds
 * the result back to the limiter, and retries retryable failures with the policy's back-off
 * (sleeping without a permit). Never throws: every ending is a {@link JudgeOutcome}.
 * Thread-safe; one instance serves a whole batch.
 */
public final class RetryingJudgeCaller {

    /** Observes attempts as they happen (for live counters). Must be cheap and must not throw. */
    public interface AttemptObserver {
        AttemptObserver NONE = (task, failure, willRetry) -> { };

        void attemptFailed(JudgeTask task, JudgeCallException failure, boolean willRetry);
    }

    private final JudgeClient client;
    private final RetryPolicy policy;
    private final ConcurrencyLimiter limiter;
    private final JudgeClock clock;
    private final DoubleSupplier jitter;

    public RetryingJudgeCaller(JudgeClient client, RetryPolicy policy, ConcurrencyLimiter limiter, JudgeClock clock,
                               DoubleSupplier jitter) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Real clock, thread-local random jitter. */
    public RetryingJudgeCaller(JudgeClient client, RetryPolicy policy, ConcurrencyLimiter limiter) {
        this(client, policy, limiter, JudgeClock.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    public JudgeOutcome call(JudgeTask task) {
        return call(task, AttemptObserver.NONE, () -> false);
    }

    /**
     * @param cancelled checked before every attempt and after interrupted calls
     */
    public JudgeOutcome call(JudgeTask task, AttemptObserver observer, BooleanSupplier cancelled) {
        long start = clock.nanoTime();
        int attempts = 0;
        int throttled = 0;
        while (true) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return new JudgeOutcome.Cancelled(task.key(), attempts, throttled, since(start));
            }
            ConcurrencyLimiter.Permit permit;
            try {
                permit = limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new JudgeOutcome.Cancelled(task.key(), attempts, throttled, since(start));
            }
            // A cancel can free permits (the interrupted calls give theirs back) before it has
            // interrupted every waiting task: a task admitted in that window must not start a call.
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                permit.ignore();
                return new JudgeOutcome.Cancelled(task.key(), attempts, throttled, since(start));
            }
            attempts++;
            JudgeCallException failure;
            try {
                JudgeResponse response = client.call(task.request());
                permit.success();
                return new JudgeOutcome.Succeeded(task.key(), response, attempts, throttled, since(start));
            } catch (JudgeCallException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new JudgeCallException(FailureKind.UNKNOWN, e.getClass().getSimpleName(), 0,
                        String.valueOf(e.getMessage()), null, null, e);
            }
            settle(permit, failure);
            if (failure.kind() == FailureKind.THROTTLED) {
                throttled++;
            }
            if (failure.kind() == FailureKind.INTERRUPTED || cancelled.getAsBoolean()) {
                observer.attemptFailed(task, failure, false);
                return new JudgeOutcome.Cancelled(task.key(), attempts, throttled, since(start));
            }
            Optional<Duration> sleep = nextSleep(failure, attempts, start);
            observer.attemptFailed(task, failure, sleep.isPresent());
            if (sleep.isEmpty()) {
                return new JudgeOutcome.Failed(task.key(), JudgeFailure.from(failure), attempts, throttled, since(start));
            }
            try {
                clock.sleep(sleep.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new JudgeOutcome.Cancelled(task.key(), attempts, throttled, since(start));
            }
        }
    }

    /** The back-off before the next attempt, or empty to give up. */
    private Optional<Duration> nextSleep(JudgeCallException failure, int attempts, long start) {
        if (!failure.kind().retryable() || attempts >= policy.maxAttempts()) {
            return Optional.empty();
        }
        Duration sleep = policy.backoff(attempts - 1, jitter.getAsDouble(), failure.retryAfter());
        if (since(start).plus(sleep).compareTo(policy.maxTotalTime()) > 0) {
            return Optional.empty();
        }
        return Optional.of(sleep);
    }

    /**
     * Congestion signals shrink the limit: throttling, timeouts (an overloaded local server answers
     * late rather than with 429) and 503. An answer that arrived, even an unusable one, counts as
     * success; other failures teach the limiter nothing.
     */
    private static void settle(ConcurrencyLimiter.Permit permit, JudgeCallException failure) {
        boolean congestion = switch (failure.kind()) {
            case THROTTLED, MODEL_TIMEOUT, CLIENT_TIMEOUT -> true;
            case SERVER_ERROR -> failure.httpStatus().orElse(0) == 503;
            default -> false;
        };
        if (congestion) {
            permit.dropped();
        } else if (failure.partialResponse().isPresent()) {
            permit.success();
        } else {
            permit.ignore();
        }
    }

    private Duration since(long start) {
        return Duration.ofNanos(Math.max(0, clock.nanoTime() - start));
    }
}
