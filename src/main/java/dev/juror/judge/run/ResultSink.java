package dev.juror.judge.run;

import java.util.Set;

/**
 * Where a run's results go as they arrive (the workspace store implements it). The judge package
 * knows nothing of SQL: this is all it needs for durable, resumable runs.
 */
public interface ResultSink {

    /** Keys ({@link RunResult#key}) of the (rollout or ordered pair, repeat) results already stored; a resume skips them. */
    Set<String> finishedKeys();

    /**
     * Stores one result durably before returning (its own committed transaction). Called from one
     * thread at a time. A result whose key is already stored must be ignored, never duplicated.
     */
    void save(RunResult result);
}
