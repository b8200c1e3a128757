package dev.juror.app.tasks;

/** Background work that publishes typed progress values (see {@link ProgressSink}). */
@FunctionalInterface
public interface ReportingWork<T, P> {

    T call(ProgressSink<P> progress) throws Exception;
}
