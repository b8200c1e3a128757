package dev.juror.store;

import java.util.Locale;

/**
 * Lifecycle of a judge run: {@code running} while a process judges it; {@code finished} when every
 * call has a result and the service failures are within the run's threshold; {@code failed} when
 * they are not (or a result could not be stored); {@code interrupted} when cancelled, or when the
 * process judging it was killed (found on the next open of the workspace).
 */
public enum JudgeRunStatus {
    RUNNING, FINISHED, INTERRUPTED, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JudgeRunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
