package dev.juror.judge;

import java.util.Objects;

/**
 * One call of a judge: an item, which repeat of it, and the key identifying the result
 * ({@code 42#0}: rollout 42, first repeat).
 */
public record JudgeCall(String key, JudgeItem item, int repeat) {

    public JudgeCall {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(item, "item");
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat must be >= 0, was " + repeat);
        }
    }

    public static JudgeCall single(JudgeItem item) {
        return new JudgeCall(item.key(), item, 0);
    }
}
