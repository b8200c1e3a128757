package dev.juror.app.tasks;

import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs work at once on the calling thread, callbacks included, so view-model tests are
 * deterministic and need no toolkit. Not for production: it would block the FX thread.
 */
public final class InlineBackgroundTasks implements BackgroundTasks {

    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();

    @Override
    public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> onSuccess,
                              Consumer<Throwable> onFailure) {
        return runQuietly(work, onSuccess, onFailure);
    }

    @Override
    public <T> TaskHandle runQuietly(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call(TaskProgress.NONE);
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return DONE;
        }
        // Outside the try: a failing callback must not look like failed work.
        onSuccess.accept(result);
        return DONE;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return running;
    }

    private static final TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
