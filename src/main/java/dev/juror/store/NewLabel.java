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
 * @param seen            what of the judge and of other labellers was shown for the item when the label
 *                        was given, in words ({@code ""}: nothing, the label is blind)
 */
public record NewLabel(String labeller, long rolloutId, int commentPosition, String commentId, String dimension,
                       String score, String note, double secondsSpent, String rubricVersion, boolean judgeHidden,
                       boolean flagged, String seen) {

    /** A label whose labeller saw nothing but, when {@code judgeHidden} is false, the judge's scores. */
    public NewLabel(String labeller, long rolloutId, int commentPosition, String commentId, String dimension,
                    String score, String note, double secondsSpent, String rubricVersion, boolean judgeHidden,
                    boolean flagged) {
        this(labeller, rolloutId, commentPosition, commentId, dimension, score, note, secondsSpent, rubricVersion,
                judgeHidden, flagged, judgeHidden ? "" : StoredLabel.JUDGE_SHOWN);
    }

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
        seen = seen == null ? "" : seen.strip();
        if (!judgeHidden && seen.isEmpty()) {
            throw new IllegalArgumentException("a label given with the judge's scores shown must say what was seen");
        }
        if (!(secondsSpent >= 0) || Double.isInfinite(secondsSpent)) {
            secondsSpent = 0;
        }
    }

    /** Nothing of the judge and nothing of other labellers was shown for the item when the label was given. */
    public boolean blind() {
        return seen.isEmpty();
    }

    public LabelItem item() {
        return new LabelItem(rolloutId, commentPosition, dimension);
    }
}
