package dev.juror.judge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a failed judge call again. Only {@link FailureKind#retryable()} kinds are retried
 * (throttling, 5xx, model and client timeouts, connection errors, model not ready); validation,
 * access and output failures never are.
 *
 * <p>Back-off is exponential with <em>full jitter</em> (AWS Architecture Blog, "Exponential
 * Backoff and Jitter"): before retry number {@code n} (0-based) the caller sleeps a uniformly
 * random time in {@code [0, min(maxDelay, baseDelay * 2^n))}. Full jitter spreads a burst of
 * throttled callers over the whole window, so they do not come back in lock-step. A server's
 * {@code Retry-After} is a lower bound on the sleep.
 *
 * @param maxAttempts  attempts per call including the first, at least 1
 * @param baseDelay    window of the first back-off
 * @param maxDelay     cap of the back-off window
 * @param maxTotalTime give up when the next attempt would start later than this after the first
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotalTime) {

    /** 8 attempts, 250 ms base, 20 s cap, 10 minutes in total. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(250), Duration.ofSeconds(20),
            Duration.ofMinutes(10));

    /**
     * For one call a person is waiting for (the rubric editor's trial): 3 attempts, 250 ms base,
     * 2 s cap, 15 s in total, so an endpoint that is down is reported in seconds, not after the
     * minutes a batch run may wait out a throttled quota.
     */
    public static final RetryPolicy INTERACTIVE = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(2),
            Duration.ofSeconds(15));

    /** A single attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotalTime, "maxTotalTime");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalTime.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is below baseDelay " + baseDelay);
        }
    }

    /** Upper end of the back-off window before retry {@code retryIndex} (0 = first retry). */
    public Duration backoffCeiling(int retryIndex) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        // Shift only while it cannot overflow; beyond that the cap applies anyway.
        long window = retryIndex >= 62 || base > (cap >> Math.min(retryIndex, 62)) ? cap : base << retryIndex;
        return Duration.ofNanos(Math.min(cap, window));
    }

    /**
     * Sleep before retry {@code retryIndex}: {@code uniform * ceiling}, at least the server's hint.
     *
     * @param uniform a random number in [0, 1)
     */
    public Duration backoff(int retryIndex, double uniform, Optional<Duration> retryAfter) {
        if (!(uniform >= 0.0 && uniform < 1.0)) {
            throw new IllegalArgumentException("uniform must be in [0, 1), was " + uniform);
        }
        Duration jittered = Duration.ofNanos((long) (backoffCeiling(retryIndex).toNanos() * uniform));
        return retryAfter.filter(hint -> hint.compareTo(jittered) > 0).orElse(jittered);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxTotalTime);
    }
}
