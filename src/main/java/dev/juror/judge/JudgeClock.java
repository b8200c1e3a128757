package dev.juror.judge;

import java.time.Duration;

/**
 * Time as the retry layer and the batch executor see it; tests substitute a fake that advances
 * instantly when asked to sleep, so back-off tests run in microseconds and deterministically.
 */
public interface JudgeClock {

    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Blocks for the given time; must honour interrupts. */
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock. */
    static JudgeClock system() {
        return SystemJudgeClock.INSTANCE;
    }
}

/** {@link System#nanoTime()} and {@link Thread#sleep(Duration)}; stateless. */
enum SystemJudgeClock implements JudgeClock {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    }
}
