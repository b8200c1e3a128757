package dev.juror.calibration.rating;

import java.util.Arrays;
import java.util.Objects;

/**
 * One rater's score on one calibration item: a rubric dimension of one comment (or of a whole
 * response). A rater is a labeller's name or a judge run's id.
 *
 * @param itemKey   the comment (see {@link ItemKeys}); the item is (itemKey, dimension)
 * @param score     the score on the rubric's scale (pass = 1, fail = 0 for boolean rubrics)
 * @param rationale the labeller's note or the judge's justification, {@code ""} when none
 */
public record Rating(String itemKey, String dimension, String rater, int score, String rationale) {

    public Rating {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(rater, "rater");
        rationale = rationale == null ? "" : rationale;
    }

    public Rating(String itemKey, String dimension, String rater, int score) {
        this(itemKey, dimension, rater, score, "");
    }

    /**
     * The one score several scores of an item collapse to (a judge's repeats, several labellers): their
     * median, rounded half to even when it falls between two of them.
     */
    public static int median(int[] values) {
        int[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (n % 2 == 1) {
            return v[n / 2];
        }
        return (int) Math.rint((v[n / 2 - 1] + v[n / 2]) / 2.0);
    }
}
