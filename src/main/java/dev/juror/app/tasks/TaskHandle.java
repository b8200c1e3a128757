package dev.juror.app.tasks;

/** A submitted task: it can be cancelled (work already done stays done). */
public interface TaskHandle {

    void cancel();

    boolean isDone();
}
