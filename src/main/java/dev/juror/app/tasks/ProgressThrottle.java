package dev.juror.app.tasks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the newest of a stream of values to the FX thread at most once per interval. A judge run
 * reports progress after every result (thousands per second against a fast server); posting each
 * one would flood the FX event queue, so only the latest is kept and one post is pending at a time.
 * The last value always arrives: a value offered while a post is pending is read by that post, and
 * {@link #finish()} hands over what is still unread when the work has returned.
 */
final class ProgressThrottle<T> {

    private final Executor fxThread;
    private final long intervalNanos;
    private final Consumer<T> apply;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastFlush = System.nanoTime() - Long.MAX_VALUE / 4;
    private volatile boolean finished;

    ProgressThrottle(Executor fxThread, Duration interval, Consumer<T> apply) {
        this.fxThread = fxThread;
        this.intervalNanos = interval.toNanos();
        this.apply = apply;
    }

    /** From any thread. */
    void offer(T value) {
        latest.set(value);
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        long wait = lastFlush + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            fxThread.execute(this::flush);
        } else {
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS).execute(() -> fxThread.execute(this::flush));
        }
    }

    /**
     * On the FX thread, once the work has returned: applies the value not yet applied, if any, and
     * ignores the posts still on their way, so nothing arrives after the task's outcome.
     */
    void finish() {
        finished = true;
        T value = latest.getAndSet(null);
        if (value != null) {
            apply.accept(value);
        }
    }

    private void flush() {
        // Cleared before reading, so a value offered from now on schedules another post.
        pending.set(false);
        lastFlush = System.nanoTime();
        if (finished) {
            return;
        }
        T value = latest.getAndSet(null);
        if (value != null) {
            apply.accept(value);
        }
    }
}
