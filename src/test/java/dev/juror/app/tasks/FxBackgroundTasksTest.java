package dev.juror.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /*
     * Issue #11: the seam reported a cancelled task at once, while its work still ran (the judge and
     * regression screens posted to the FX thread themselves to get around it). Now the task is
     * STOPPING until the work has returned, and the outcome comes after.
     */
    @Test
    void aCancelledTaskIsStoppingUntilItsWorkHasReallyReturned() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        TaskHandle handle = WaitForAsyncUtils.asyncFx(() -> tasks.run("Slow to stop", (ProgressSink<String> p) -> {
            p.onCancel(() -> { }); // stops by itself (below), like a judge run: no interrupt
            started.countDown();
            release.await();
            return "stopped cleanly";
        }, TaskCallbacks.<String, String>of(v -> outcome.set("success " + v), f -> outcome.set("failure " + f))
                .withStopping(stopping::countDown)
                .withCancelled(v -> {
                    outcome.set("cancelled with " + v + " on FX=" + Platform.isFxApplicationThread());
                    finished.countDown();
                }))).get();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        WaitForAsyncUtils.asyncFx(handle::cancel).get();
        assertThat(stopping.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // time enough for a wrong outcome to arrive
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handle.state()).isEqualTo(TaskState.STOPPING);
        assertThat(outcome.get()).as("nothing reported while the work runs").isNull();
        assertThat(WaitForAsyncUtils.asyncFx(() -> tasks.running().size()).get()).isEqualTo(1);

        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.get()).isEqualTo("cancelled with stopped cleanly on FX=true");
        assertThat(handle.state()).isEqualTo(TaskState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> tasks.running().isEmpty()).get()).isTrue();
    }

    @Test
    void typedProgressIsCoalescedOnTheFxThreadAndItsLastValueComesBeforeTheOutcome() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> tasks.run("Many updates", (ProgressSink<Integer> p) -> {
            for (int i = 0; i < 20_000; i++) {
                p.publish(i);
            }
            return "done";
        }, TaskCallbacks.<String, Integer>of(v -> {
            seen.add("success");
            finished.countDown();
        }, f -> finished.countDown()).withProgress(value -> seen.add(
                Platform.isFxApplicationThread() ? String.valueOf(value) : "off the FX thread"))));
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).endsWith("19999", "success").doesNotContain("off the FX thread");
        assertThat(seen.size()).as("coalesced, not one post per value").isLessThan(1_000);
    }
}
