package dev.juror.app.tasks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackgroundTasks} on a small pool of named daemon threads (daemons, so a forgotten task
 * never keeps the app alive), reaching the FX thread through {@code Platform.runLater}; progress
 * reaches it at most every {@link #PROGRESS_INTERVAL}. Failures are logged here, once, and handed to
 * the caller, who turns them into a message for the user.
 */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {

    /** Progress (typed, and the status bar's) reaches the screen at most this often: ten times a second. */
    public static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(FxBackgroundTasks.class);

    private final ExecutorService pool;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    public FxBackgroundTasks(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("juror-background-", 1)
                .daemon(true)
                .uncaughtExceptionHandler((thread, error) -> log.error("Uncaught on {}", thread.getName(), error))
                .factory());
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

    /** Called on the FX thread (the status bar list changes there only). */
    private <T, P> TaskHandle submit(String title, boolean listed, ReportingWork<T, P> work,
                                     TaskCallbacks<T, P> callbacks) {
        SubmittedTask<T, P> task = new SubmittedTask<>(title, work, callbacks, Platform::runLater, PROGRESS_INTERVAL,
                running::remove, (name, failure) -> log.warn("Background task '{}' failed", name, failure));
        if (listed) {
            running.add(task);
        }
        pool.execute(task);
        return task;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }

    /** Stops taking work and waits briefly for what runs (a label being written, say) to finish. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
