package dev.juror.app.tasks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on the calling thread, callbacks included, so view-model tests are deterministic and
 * need no toolkit. Not for production: it would block the FX thread. Tasks go through the same
 * {@link SubmittedTask} as in {@link FxBackgroundTasks}, so states, stopping and the order of
 * progress and outcome are the same; only every published progress value is delivered (there is no
 * interval to coalesce over).
 *
 * <p>{@link #InlineBackgroundTasks() At once} (the default) runs work inside {@code run};
 * {@link #queued()} keeps it until {@link #runQueued()}, so a test holds the handle while the work
 * runs (to cancel it from a progress callback, say).
 */
public final class InlineBackgroundTasks implements BackgroundTasks {

    private static final Logger log = LoggerFactory.getLogger(InlineBackgroundTasks.class);

    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final boolean deferred;
    private final Queue<Runnable> queue = new ArrayDeque<>();

    /** Work runs inside {@code run}. */
    public InlineBackgroundTasks() {
        this(false);
    }

    private InlineBackgroundTasks(boolean deferred) {
        this.deferred = deferred;
    }

    /** Work waits for {@link #runQueued()}. */
    public static InlineBackgroundTasks queued() {
        return new InlineBackgroundTasks(true);
    }

    /** Runs the queued work, in order, on this thread (also what that work queues meanwhile). */
    public void runQueued() {
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
            next.run();
        }
    }

    @Override
    public <T, P> TaskHandle run(String title, ReportingWork<T, P> work, TaskCallbacks<T, P> callbacks) {
        return submit(title, true, work, callbacks);
    }

    @Override
    public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<Throwable> onFailure) {
        return submit(title, true, work::call, TaskCallbacks.of(onSuccess, onFailure));
    }

    @Override
    public <T> TaskHandle runQuietly(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return submit("", false, work::call, TaskCallbacks.of(onSuccess, onFailure));
    }

    private <T, P> TaskHandle submit(String title, boolean listed, ReportingWork<T, P> work,
                                     TaskCallbacks<T, P> callbacks) {
        SubmittedTask<T, P> task = new SubmittedTask<>(title, work, callbacks, Runnable::run, Duration.ZERO,
                // Tests drive this one and check the failure callbacks; the failure is only worth a debug line.
                running::remove, (name, failure) -> log.debug("Background task '{}' failed", name, failure));
        if (listed) {
            running.add(task);
        }
        if (deferred) {
            queue.add(task);
        } else {
            task.run();
        }
        return task;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }
}
