package dev.juror.app.tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BackgroundTasks} over {@code javafx.concurrent.Task} on a small pool of named daemon
 * threads (daemons, so a forgotten task never keeps the app alive). Failures are logged here, once,
 * and handed to the caller, who turns them into a message for the user.
 */
public final class FxBackgroundTasks implements BackgroundTasks, AutoCloseable {

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
    public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<Throwable> onFailure) {
        return submit(title, true, work, onSuccess, onFailure);
    }

    @Override
    public <T> TaskHandle runQuietly(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return submit("", false, work, onSuccess, onFailure);
    }

    private <T> TaskHandle submit(String title, boolean listed, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<Throwable> onFailure) {
        WorkTask<T> task = new WorkTask<>(title, work);
        if (listed) {
            running.add(task);
        }
        task.setOnSucceeded(event -> {
            running.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            running.remove(task);
            log.warn("Background task '{}' failed", title, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(event -> {
            running.remove(task);
            onFailure.accept(new CancellationException(title + " was cancelled"));
        });
        pool.execute(task);
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
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

    private static final class WorkTask<T> extends Task<T> implements RunningTask, TaskProgress {
        private final String title;
        private final Work<T> work;

        WorkTask(String title, Work<T> work) {
            this.title = title;
            this.work = work;
            updateTitle(title);
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            return work.call(this);
        }

        @Override
        public void update(long done, long total, String message) {
            updateProgress(done, total < 0 ? -1 : total);
            updateMessage(message == null ? "" : message);
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void requestCancel() {
            cancel(true);
        }
    }
}
