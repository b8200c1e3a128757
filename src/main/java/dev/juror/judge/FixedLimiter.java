package dev.juror.judge;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** A constant concurrency cap (no adaptation), e.g. for local servers or to compare against. */
public final class FixedLimiter implements ConcurrencyLimiter {

    private final int limit;
    private final Semaphore semaphore;

    public FixedLimiter(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrency limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.semaphore = new Semaphore(limit, true);
    }

    @Override
    public Permit acquire() throws InterruptedException {
        semaphore.acquire();
        return new Permit() {
            private final AtomicBoolean released = new AtomicBoolean();

            @Override
            public void success() {
                release();
            }

            @Override
            public void dropped() {
                release();
            }

            @Override
            public void ignore() {
                release();
            }

            private void release() {
                if (released.compareAndSet(false, true)) {
                    semaphore.release();
                }
            }
        };
    }

    @Override
    public int currentLimit() {
        return limit;
    }

    @Override
    public int inFlight() {
        return limit - semaphore.availablePermits();
    }
}
