package dev.juror.app.tasks;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * What a screen does as its task moves on, each on the FX thread: {@code onProgress} with the newest
 * published value, {@code onStopping} once when cancel was requested (the work is still running),
 * then exactly one outcome once the work has returned:
 * <ul>
 *   <li>{@code onSuccess} with the work's value, when no cancel was requested;</li>
 *   <li>after a cancel request, {@code onCancelled} with what the work returned when it stopped
 *       early (null when it gave up by throwing), when the screen gave one; otherwise
 *       {@code onFailure} with a {@link CancellationException};</li>
 *   <li>{@code onFailure} with what the work threw.</li>
 * </ul>
 * Build with {@link #of} and the {@code with...} methods.
 */
public record TaskCallbacks<T, P>(Consumer<? super P> onProgress, Runnable onStopping,
                                  Consumer<? super T> onSuccess, Consumer<? super T> onCancelled,
                                  Consumer<Throwable> onFailure) {

    public TaskCallbacks {
        Objects.requireNonNull(onProgress, "onProgress");
        Objects.requireNonNull(onStopping, "onStopping");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Only an outcome: no typed progress, nothing to do while stopping, cancellation as a failure. */
    public static <T, P> TaskCallbacks<T, P> of(Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return new TaskCallbacks<>(value -> { }, () -> { }, onSuccess, null, onFailure);
    }

    public TaskCallbacks<T, P> withProgress(Consumer<? super P> progress) {
        return new TaskCallbacks<>(progress, onStopping, onSuccess, onCancelled, onFailure);
    }

    public TaskCallbacks<T, P> withStopping(Runnable stopping) {
        return new TaskCallbacks<>(onProgress, stopping, onSuccess, onCancelled, onFailure);
    }

    /** @param cancelled receives what the work returned after the cancel request, or null when it threw */
    public TaskCallbacks<T, P> withCancelled(Consumer<? super T> cancelled) {
        return new TaskCallbacks<>(onProgress, onStopping, onSuccess, cancelled, onFailure);
    }

    /** The outcome of a task whose cancel was requested, once its work has returned. */
    void cancelled(T partial, CancellationException reported) {
        if (onCancelled != null) {
            onCancelled.accept(partial);
        } else {
            onFailure.accept(reported);
        }
    }
}
