package dev.juror.judge;

import java.util.Optional;

/**
 * Recorded raw judge answers. The workspace store implements it from earlier results; tests and the
 * reward Lambda can use a map.
 */
@FunctionalInterface
public interface ReplaySource {

    /** A recorded raw answer. */
    record Recording(String rawOutput, String sourceRunId) {
        public Recording {
            rawOutput = rawOutput == null ? "" : rawOutput;
            sourceRunId = sourceRunId == null ? "" : sourceRunId;
        }
    }

    /**
     * The answer recorded for this key and repeat (the newest one if several runs recorded it), or
     * empty when there is none.
     */
    Optional<Recording> find(ReplayKey key, int repeat);
}
