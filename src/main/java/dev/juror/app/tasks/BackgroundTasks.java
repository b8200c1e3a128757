package dev.juror.app.tasks;

import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The one way screens run work off the JavaFX thread: database reads and writes, imports, file
 * copies. Work runs elsewhere; {@code onSuccess} and {@code onFailure} run on the FX thread (in
 * the inline implementation for tests, on the caller's thread, before {@code run} returns).
 * A cancelled task reports a {@link java.util.concurrent.CancellationException} to {@code onFailure}.
 */
public interface BackgroundTasks {

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
