package dev.juror.app.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One task of either {@link BackgroundTasks} implementation: both run every task through this
 * class, so they differ only in where the work runs and how the FX thread is reached (a thread
 * pool and {@code Platform.runLater}, or the caller's thread for both), not in what they report.
 *
 * <p>States: {@link TaskState#RUNNING}; a cancel request moves it to {@link TaskState#STOPPING}
 * at once (the work's own stop action runs, or its thread is interrupted) and reports
 * {@code onStopping}; the final state is set when the work has returned, and the outcome follows on
 * the FX thread after the last progress value.
 */
final class SubmittedTask<T, P> implements RunningTask, TaskHandle, ProgressSink<P>, Runnable {

    private final String title;
    private final ReportingWork<T, P> work;
    private final TaskCallbacks<T, P> callbacks;
    private final Executor fxThread;
    private final Consumer<SubmittedTask<?, ?>> whenDone;
    private final BiConsumer<String, Throwable> logFailure;
    private final ProgressThrottle<P> progress;
    private final ProgressThrottle<StatusLine> status;
    private final ReadOnlyDoubleWrapper statusProgress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "message", "");
    private final AtomicReference<TaskState> state = new AtomicReference<>(TaskState.RUNNING);
    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
    private final Object runnerLock = new Object();
    private Thread runner;
    private boolean interruptedByCancel;

    /** The status bar's copy of {@link TaskProgress#update}. */
    private record StatusLine(long done, long total, String message) {
    }

    /**
     * @param fxThread where callbacks and property changes run
     * @param interval progress reaches the FX thread at most this often
     * @param whenDone on the FX thread, before the outcome callback (the status bar forgets the task)
     * @param logFailure how a failure is logged, with the task's title, besides its callback
     */
    SubmittedTask(String title, ReportingWork<T, P> work, TaskCallbacks<T, P> callbacks, Executor fxThread,
                  Duration interval, Consumer<SubmittedTask<?, ?>> whenDone, BiConsumer<String, Throwable> logFailure) {
        this.title = title;
        this.work = work;
        this.callbacks = callbacks;
        this.fxThread = fxThread;
        this.whenDone = whenDone;
        this.logFailure = logFailure;
        this.progress = new ProgressThrottle<>(fxThread, interval, callbacks.onProgress()::accept);
        this.status = new ProgressThrottle<>(fxThread, interval, line -> {
            statusProgress.set(line.total() <= 0 ? -1 : Math.min(1.0, (double) line.done() / line.total()));
            String message = line.message() == null ? "" : line.message();
            statusMessage.set(state.get() == TaskState.STOPPING ? stopping(message) : message);
        });
    }

    /** On the worker: runs the work (unless cancelled before it started) and posts the outcome. */
    @Override
    public void run() {
        T value = null;
        Throwable failure = null;
        synchronized (runnerLock) {
            runner = Thread.currentThread();
        }
        try {
            if (state.get() == TaskState.STOPPING) {
                failure = new CancellationException(title + " was cancelled before it started");
            } else {
                value = work.call(this);
            }
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            synchronized (runnerLock) {
                runner = null;
                if (interruptedByCancel) {
                    Thread.interrupted(); // the interrupt was for the work; the pool thread goes on clean
                }
            }
        }
        TaskState end = failure == null ? TaskState.SUCCEEDED : TaskState.FAILED;
        boolean cancelled = !state.compareAndSet(TaskState.RUNNING, end);
        if (cancelled) {
            state.set(TaskState.CANCELLED);
        }
        T result = value;
        Throwable problem = failure;
        fxThread.execute(() -> complete(result, problem, cancelled));
    }

    private void complete(T value, Throwable failure, boolean cancelled) {
        progress.finish();
        status.finish();
        whenDone.accept(this);
        if (cancelled) {
            CancellationException reported = failure instanceof CancellationException c ? c
                    : new CancellationException(title + " was cancelled");
            if (failure != null && reported != failure) {
                reported.initCause(failure);
            }
            callbacks.cancelled(failure == null ? value : null, reported);
        } else if (failure == null) {
            callbacks.onSuccess().accept(value);
        } else {
            logFailure.accept(title, failure);
            callbacks.onFailure().accept(failure);
        }
    }

    @Override
    public void cancel() {
        if (!state.compareAndSet(TaskState.RUNNING, TaskState.STOPPING)) {
            return;
        }
        if (stopActions.isEmpty()) {
            synchronized (runnerLock) {
                if (runner != null) {
                    interruptedByCancel = true;
                    runner.interrupt();
                }
            }
        } else {
            stopActions.forEach(Runnable::run);
        }
        fxThread.execute(() -> statusMessage.set(stopping(statusMessage.get())));
        fxThread.execute(callbacks.onStopping());
    }

    /** The status bar's line while the work winds down: what it last said, marked as stopping. */
    private static String stopping(String message) {
        return message.isEmpty() || message.startsWith(STOPPING) ? STOPPING : STOPPING + " " + message;
    }

    static final String STOPPING = "Stopping\u2026";

    @Override
    public void requestCancel() {
        cancel();
    }

    @Override
    public boolean isDone() {
        return state.get().isDone();
    }

    @Override
    public TaskState state() {
        return state.get();
    }

    @Override
    public boolean isCancelled() {
        TaskState now = state.get();
        return now == TaskState.STOPPING || now == TaskState.CANCELLED;
    }

    @Override
    public void onCancel(Runnable stop) {
        stopActions.add(stop);
        if (isCancelled()) {
            stop.run();
        }
    }

    @Override
    public void update(long done, long total, String message) {
        status.offer(new StatusLine(done, total, message));
    }

    @Override
    public void publish(P value) {
        progress.offer(value);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return statusProgress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return statusMessage.getReadOnlyProperty();
    }
}
