package dev.juror.app.tasks;

/** A submitted task: it can be cancelled (work already done stays done). */
public interface TaskHandle {

    /**
     * Requests cancellation: a running task goes to {@link TaskState#STOPPING} and stays there
     * until its work has returned; then {@link TaskState#CANCELLED}. No effect on a finished task.
     */
    void cancel();

    /** True once the work has returned and the outcome is known. */
    boolean isDone();

    /**
     * The state now; may be read from any thread. Both implementations of {@link BackgroundTasks}
     * answer it exactly; a test double that only knows done or not may keep this default.
     */
    default TaskState state() {
        return isDone() ? TaskState.SUCCEEDED : TaskState.RUNNING;
    }
}
