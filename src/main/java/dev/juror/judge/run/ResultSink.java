package dev.juror.judge.run;

import java.util.List;
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

    /**
     * Stores several results durably before returning, all or none (one committed transaction in a
     * database); keys already stored are ignored as in {@link #save}. The default saves them one by one.
     */
    default void saveAll(List<RunResult> results) {
        results.forEach(this::save);
    }
}
