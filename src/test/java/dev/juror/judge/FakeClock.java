package dev.juror.judge;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that jumps forward instead of sleeping and remembers every sleep. */
final class FakeClock implements JudgeClock {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        nanos.addAndGet(duration.toNanos());
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
