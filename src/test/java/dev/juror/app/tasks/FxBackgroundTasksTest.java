package dev.juror.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Work runs off the FX thread, results come back on it, and a listed task can be cancelled. */
@ExtendWith(ApplicationExtension.class)
class FxBackgroundTasksTest {

    private final FxBackgroundTasks tasks = new FxBackgroundTasks(2);

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void workRunsOffTheFxThreadAndTheResultArrivesOnIt() throws Exception {
        AtomicReference<Boolean> workOnFx = new AtomicReference<>();
        AtomicReference<Boolean> callbackOnFx = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> tasks.runQuietly(progress -> {
            workOnFx.set(Platform.isFxApplicationThread());
            return 42;
        }, result -> {
            callbackOnFx.set(Platform.isFxApplicationThread() && result == 42);
            done.countDown();
        }, failure -> { }));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workOnFx.get()).isFalse();
        assertThat(callbackOnFx.get()).isTrue();
    }

    @Test
    void aListedTaskShowsProgressAndCanBeCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> tasks.run("Long work", progress -> {
            progress.update(1, 4, "step 1");
            started.countDown();
            while (!progress.isCancelled()) {
                Thread.onSpinWait();
            }
            return "never";
        }, result -> finished.countDown(), failure -> {
            outcome.set(failure);
            finished.countDown();
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        RunningTask running = WaitForAsyncUtils.asyncFx(() -> tasks.running().get(0)).get();
        assertThat(running.title()).isEqualTo("Long work");
        assertThat(WaitForAsyncUtils.asyncFx(() -> running.progressProperty().get()).get()).isEqualTo(0.25);
        assertThat(WaitForAsyncUtils.asyncFx(() -> running.messageProperty().get()).get()).isEqualTo("step 1");

        WaitForAsyncUtils.asyncFx(running::requestCancel);
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> tasks.running().isEmpty()).get()).isTrue();
    }
}
