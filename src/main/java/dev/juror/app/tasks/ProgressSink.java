package dev.juror.app.tasks;

/**
 * What {@link ReportingWork} sees of its task: {@link TaskProgress} plus typed progress. A value
 * published from any thread reaches the task's {@code onProgress} on the FX thread; values published
 * faster than the screen can show them are coalesced (only the newest is delivered), and the last one
 * published always arrives before the task's outcome. A published value should be immutable: it
 * crosses threads.
 */
public interface ProgressSink<P> extends TaskProgress {

    void publish(P value);
}
