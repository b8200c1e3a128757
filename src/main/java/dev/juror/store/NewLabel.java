package dev.juror.store;

import java.util.Objects;

/**
 * A label about to be stored: one labeller's score for one rubric dimension of one comment of one
 * rollout. {@code score} is the rubric's value as text: an integer such as {@code "4"},
 * {@code "pass"}/{@code "fail"}, or {@code "A"}/{@code "B"}/{@code "tie"} for pairwise rubrics.
 *
 * @param commentPosition 0-based comment position in the prediction, or -1 for a response-level item
 * @param judgeHidden     whether the judge's score was hidden from the labeller when they gave it
 * @param flagged         the labeller marked the item for adjudication
 */
public record NewLabel(String labeller, long rolloutId, int commentPosition, String commentId, String dimension,
                       String score, String note, double secondsSpent, String rubricVersion, boolean judgeHidden,
                       boolean flagged) {

    public NewLabel {
        Objects.requireNonNull(labeller, "labeller");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        if (labeller.isBlank()) {
            throw new IllegalArgumentException("a label needs the labeller's name");
        }
        commentId = commentId == null ? "" : commentId;
        note = note == null ? "" : note;
        if (!(secondsSpent >= 0) || Double.isInfinite(secondsSpent)) {
            secondsSpent = 0;
        }
    }

    public LabelItem item() {
        return new LabelItem(rolloutId, commentPosition, dimension);
    }
}
