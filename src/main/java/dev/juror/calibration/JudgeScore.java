package dev.juror.calibration;

import java.util.Objects;

/**
 * A judge's score on one item in one repeat of a run.
 *
 * @param repeat 0-based repeat number (runs with repeats score every item several times)
 */
public record JudgeScore(String itemKey, String dimension, int repeat, int score, String rationale) {

    public JudgeScore {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(dimension, "dimension");
        rationale = rationale == null ? "" : rationale;
    }

    public JudgeScore(String itemKey, String dimension, int repeat, int score) {
        this(itemKey, dimension, repeat, score, "");
    }
}
