package dev.juror.app.tasks;

import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The one way screens run work off the JavaFX thread: database reads and writes, imports, file
 * copies, judge runs. Work runs elsewhere; callbacks run on the FX thread (in the inline
 * implementation for tests, on the caller's thread, before {@code run} returns).
 *
 * <p>A task is {@link TaskState#RUNNING}; {@link TaskHandle#cancel()} (or the status bar's cancel)
 * makes it {@link TaskState#STOPPING} until its work has really returned, then
 * {@link TaskState#CANCELLED}: the outcome of a cancelled task is reported only once nothing of it
 * runs any more, as a {@link java.util.concurrent.CancellationException} to {@code onFailure}, or
 * to {@link TaskCallbacks#withCancelled onCancelled} with what the work returned when it stopped
 * early. Both implementations run every task through the same code ({@code SubmittedTask}) and
 * report the same states in the same order.
 */
public interface BackgroundTasks {

    /**
     * Runs work that the status bar lists with its title, progress and a cancel button, and that
     * publishes typed progress to the screen (see {@link ProgressSink} and {@link TaskCallbacks}).
     *
     * @param title what the user sees while it runs, e.g. "Judge run: contract-review with bedrock"
     */
    default <T, P> TaskHandle run(String title, ReportingWork<T, P> work, TaskCallbacks<T, P> callbacks) {
        // For simple test doubles that implement only the four-argument run: progress is handed over
        // on the worker's thread and there is no stopping state. FxBackgroundTasks and
        // InlineBackgroundTasks override this.
        return run(title, progress -> work.call(new ProgressSink<P>() {
            @Override
            public void publish(P value) {
                callbacks.onProgress().accept(value);
            }

            @Override
            public void update(long done, long total, String message) {
                progress.update(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }

            @Override
            public void onCancel(Runnable stop) {
                progress.onCancel(stop);
            }
        }), callbacks.onSuccess(), failure -> {
            if (failure instanceof java.util.concurrent.CancellationException c) {
                callbacks.cancelled(null, c);
            } else {
                callbacks.onFailure().accept(failure);
            }
        });
    }

    /**
     * Runs work that the status bar lists with its title, progress and a cancel button.
     *
     * @param title what the user sees while it runs, e.g. "Importing samples.jsonl"
     */
    <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs short work (a screen's database read) without listing it in the status bar. */
    <T> TaskHandle runQuietly(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** The listed tasks in flight, for the status bar. Changed on the FX thread only. */
    ObservableList<RunningTask> running();
}
