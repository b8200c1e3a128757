package dev.juror.judge;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * AIMD concurrency control in the manner of TCP congestion control and Netflix
 * concurrency-limits' {@code AIMDLimit}, so a run against a quota-limited endpoint settles at the
 * concurrency the endpoint admits instead of hammering it with 429s.
 *
 * <ul>
 *   <li><b>Slow start</b>: until the first drop the limit grows by 1 per successful call (it doubles
 *       every round trip), so a fresh run reaches a large quota in a few round trips.</li>
 *   <li><b>Additive increase</b>: afterwards it grows by {@code 1/limit} per success, i.e. by about
 *       one call per round trip of a full window.</li>
 *   <li><b>Multiplicative decrease</b>: a drop (429 / congestion timeout) multiplies the limit by
 *       {@code backoffRatio} (default 0.9, Netflix's default; TCP's 0.5 would idle a third of a
 *       quota-limited endpoint). At most one decrease per window: drops of calls that were admitted
 *       before the last decrease are ignored, as TCP counts one loss per window, otherwise a single
 *       overshoot answered by a burst of 429s would collapse the limit.</li>
 *   <li><b>App-limited guard</b>: a success only grows the limit if at least half of the limit (as
 *       it was when the call started) was in flight with it, at its start or its end, so an idle phase cannot inflate the limit
 *       beyond what was ever tested.</li>
 *   <li>The limit stays within {@code [minLimit, maxLimit]}; {@code maxLimit} is the hard cap.</li>
 * </ul>
 * Fair: waiting callers are admitted in arrival order.
 */
public final class AdaptiveLimiter implements ConcurrencyLimiter {

    /** Default starting limit, floor, cap and decrease factor. */
    public static final int DEFAULT_INITIAL_LIMIT = 4;
    public static final int DEFAULT_MIN_LIMIT = 1;
    public static final int DEFAULT_MAX_LIMIT = 64;
    public static final double DEFAULT_BACKOFF_RATIO = 0.9;

    private final int minLimit;
    private final int maxLimit;
    private final double backoffRatio;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition admitted = lock.newCondition();
    private double limit;
    private int inFlight;
    private long epoch;
    private boolean slowStart = true;
    private long drops;
    private long decreases;

    public AdaptiveLimiter(int initialLimit, int minLimit, int maxLimit, double backoffRatio) {
        if (minLimit < 1 || maxLimit < minLimit || initialLimit < minLimit || initialLimit > maxLimit) {
            throw new IllegalArgumentException("need 1 <= minLimit <= initialLimit <= maxLimit, got min " + minLimit
                    + ", initial " + initialLimit + ", max " + maxLimit);
        }
        if (!(backoffRatio > 0.0 && backoffRatio < 1.0)) {
            throw new IllegalArgumentException("backoffRatio must be in (0, 1), was " + backoffRatio);
        }
        this.minLimit = minLimit;
        this.maxLimit = maxLimit;
        this.backoffRatio = backoffRatio;
        this.limit = initialLimit;
    }

    /** Default constants with the given hard cap. */
    public static AdaptiveLimiter withMaxLimit(int maxLimit) {
        return new AdaptiveLimiter(Math.min(DEFAULT_INITIAL_LIMIT, maxLimit), DEFAULT_MIN_LIMIT, maxLimit,
                DEFAULT_BACKOFF_RATIO);
    }

    @Override
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= (int) limit) {
                admitted.await();
            }
            inFlight++;
            return new AimdPermit(epoch, inFlight, limit);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int currentLimit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Drops reported so far (including ignored ones in the same window). */
    public long drops() {
        lock.lock();
        try {
            return drops;
        } finally {
            lock.unlock();
        }
    }

    /** Multiplicative decreases applied so far. */
    public long decreases() {
        lock.lock();
        try {
            return decreases;
        } finally {
            lock.unlock();
        }
    }

    private void release(long permitEpoch, int usedAtAcquire, double limitAtAcquire, Signal signal) {
        lock.lock();
        try {
            // The most calls this one saw in flight with it (at its start or at its end).
            int used = Math.max(usedAtAcquire, inFlight);
            inFlight--;
            int before = (int) limit;
            switch (signal) {
                case SUCCESS -> {
                    if (used * 2 >= limitAtAcquire) {
                        limit = Math.min(maxLimit, limit + (slowStart ? 1.0 : 1.0 / limit));
                    }
                }
                case DROP -> {
                    drops++;
                    if (permitEpoch == epoch) {
                        limit = Math.max(minLimit, limit * backoffRatio);
                        slowStart = false;
                        epoch++;
                        decreases++;
                    }
                }
                case IGNORE -> {
                }
            }
            if ((int) limit > before) {
                admitted.signalAll();
            } else {
                admitted.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private enum Signal { SUCCESS, DROP, IGNORE }

    private final class AimdPermit implements Permit {
        private final long permitEpoch;
        private final int usedAtAcquire;
        private final double limitAtAcquire;
        private final AtomicBoolean released = new AtomicBoolean();

        AimdPermit(long permitEpoch, int usedAtAcquire, double limitAtAcquire) {
            this.permitEpoch = permitEpoch;
            this.usedAtAcquire = usedAtAcquire;
            this.limitAtAcquire = limitAtAcquire;
        }

        @Override
        public void success() {
            finish(Signal.SUCCESS);
        }

        @Override
        public void dropped() {
            finish(Signal.DROP);
        }

        @Override
        public void ignore() {
            finish(Signal.IGNORE);
        }

        private void finish(Signal signal) {
            if (!released.compareAndSet(false, true)) {
                throw new IllegalStateException("permit already released");
            }
            release(permitEpoch, usedAtAcquire, limitAtAcquire, signal);
        }
    }
}
