package dev.juror.app.tasks;

/** A unit of background work; it may report progress and should stop early once cancelled. */
@FunctionalInterface
public interface Work<T> {

    T call(TaskProgress progress) throws Exception;
}
