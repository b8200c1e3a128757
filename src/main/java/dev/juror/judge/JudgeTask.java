package dev.juror.judge;

import java.util.Objects;

/**
 * One call of a batch. {@code key} identifies the result (e.g. {@code rollout-42#0} for the first
 * repeat) and is what a resumed run compares against the set of finished results.
 */
public record JudgeTask(String key, JudgeRequest request) {

    public JudgeTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        if (key.isBlank()) {
            throw new IllegalArgumentException("judge task key must not be blank");
        }
    }
}
