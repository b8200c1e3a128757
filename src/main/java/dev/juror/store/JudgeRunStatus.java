package dev.juror.store;

import java.util.Locale;

/** Lifecycle of a judge run. A run killed without warning stays {@code running} until resumed. */
public enum JudgeRunStatus {
    RUNNING, FINISHED, INTERRUPTED, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JudgeRunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
