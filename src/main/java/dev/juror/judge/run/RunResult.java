package dev.juror.judge.run;

import dev.juror.judge.JudgeResult;
import java.util.Objects;

/** A result of a run: which rollout, which repeat, and the judge result. */
public record RunResult(long rolloutId, int repeat, JudgeResult result) {

    public RunResult {
        Objects.requireNonNull(result, "result");
    }

    /** {@code rolloutId#repeat}: the key of a (rollout, repeat) within a run. */
    public static String key(long rolloutId, int repeat) {
        return rolloutId + "#" + repeat;
    }

    public String key() {
        return key(rolloutId, repeat);
    }
}
