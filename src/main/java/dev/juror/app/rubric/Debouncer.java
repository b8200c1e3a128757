package dev.juror.app.rubric;

/**
 * Runs an action once edits pause: every {@link #trigger} restarts the wait. The FX implementation
 * waits on the FX thread's clock; tests pass {@link #IMMEDIATE}.
 */
public interface Debouncer {

    void trigger(Runnable action);

    Debouncer IMMEDIATE = Runnable::run;
}
