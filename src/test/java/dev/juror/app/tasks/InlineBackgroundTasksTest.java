package dev.juror.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The seam's contract on the inline implementation: typed progress before the outcome, and a
 * cancelled task that is STOPPING while its work still runs and CANCELLED only once it returned.
 */
class InlineBackgroundTasksTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void typedProgressArrivesInOrderAndBeforeTheOutcome() {
        InlineBackgroundTasks tasks = new InlineBackgroundTasks();
        TaskHandle handle = tasks.run("count", (ProgressSink<Integer> progress) -> {
            for (int i = 1; i <= 3; i++) {
                progress.publish(i);
            }
            return "done";
        }, TaskCallbacks.<String, Integer>of(v -> events.add("success " + v), f -> events.add("failure " + f))
                .withProgress(p -> events.add("progress " + p)));

        assertThat(events).containsExactly("progress 1", "progress 2", "progress 3", "success done");
        assertThat(handle.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(tasks.running()).isEmpty();
    }

    @Test
    void aCancelledTaskIsStoppingUntilItsWorkReturnsAndThenCancelledWithWhatItReturned() {
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        AtomicReference<TaskHandle> handle = new AtomicReference<>();
        List<Boolean> stopActionRan = new ArrayList<>();
        handle.set(tasks.run("stoppable", (ProgressSink<String> progress) -> {
            progress.onCancel(() -> stopActionRan.add(true));
            progress.publish("working");
            // The screen cancelled from its progress callback; the work is still here.
            events.add("work sees " + handle.get().state() + ", cancelled=" + progress.isCancelled()
                    + ", interrupted=" + Thread.currentThread().isInterrupted());
            return "partial";
        }, TaskCallbacks.<String, String>of(v -> events.add("success " + v), f -> events.add("failure " + f))
                .withProgress(p -> {
                    events.add("progress " + p);
                    handle.get().cancel();
                })
                .withStopping(() -> events.add("stopping, done=" + handle.get().isDone()))
                .withCancelled(v -> events.add("cancelled with " + v + ", state " + handle.get().state()))));
        assertThat(handle.get().state()).isEqualTo(TaskState.RUNNING);

        tasks.runQueued();

        assertThat(events).containsExactly("progress working", "stopping, done=false",
                "work sees STOPPING, cancelled=true, interrupted=false", "cancelled with partial, state CANCELLED");
        assertThat(stopActionRan).as("the work's own stop action, not an interrupt").containsExactly(true);
        assertThat(handle.get().isDone()).isTrue();
    }

    @Test
    void theStatusBarLineSaysStoppingFromTheCancelUntilTheWorkHasReturned() {
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        List<String> lines = new ArrayList<>();
        tasks.run("judge run", (ProgressSink<String> progress) -> {
            RunningTask listed = tasks.running().getFirst();
            progress.update(3, 10, "3 of 10 calls");
            lines.add(listed.messageProperty().get());
            listed.requestCancel();
            lines.add(listed.messageProperty().get());
            progress.update(4, 10, "4 of 10 calls");
            lines.add(listed.messageProperty().get());
            return "partial";
        }, TaskCallbacks.<String, String>of(v -> { }, f -> { }));

        tasks.runQueued();

        assertThat(lines).containsExactly("3 of 10 calls", "Stopping\u2026 3 of 10 calls", "Stopping\u2026 4 of 10 calls");
        assertThat(tasks.running()).as("listed until the work returned, then gone").isEmpty();
    }

    @Test
    void workWithoutAStopActionIsInterruptedAndAFailureAfterCancelIsReportedAsCancellation() {
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        AtomicReference<TaskHandle> handle = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        handle.set(tasks.run("interruptible", (ProgressSink<String> progress) -> {
            progress.publish("started");
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped by the interrupt");
            }
            return "never";
        }, TaskCallbacks.<String, String>of(v -> events.add("success " + v), failure::set)
                .withProgress(p -> handle.get().cancel())));

        tasks.runQueued();

        assertThat(failure.get()).isInstanceOf(CancellationException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(events).isEmpty();
        assertThat(handle.get().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not outlive the work").isFalse();
    }

    @Test
    void workCancelledBeforeItStartedNeverRuns() {
        InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TaskHandle handle = tasks.run("queued", progress -> {
            events.add("ran");
            return 1;
        }, v -> events.add("success"), failure::set);
        handle.cancel();
        assertThat(handle.state()).isEqualTo(TaskState.STOPPING);

        tasks.runQueued();

        assertThat(events).isEmpty();
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        assertThat(handle.state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void aFailureIsReportedAsItselfAndCancelAfterTheEndChangesNothing() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TaskHandle handle = new InlineBackgroundTasks().run("broken", progress -> {
            throw new IllegalStateException("disk full");
        }, v -> events.add("success"), failure::set);
        handle.cancel();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(handle.state()).isEqualTo(TaskState.FAILED);
    }
}
