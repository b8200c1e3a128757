package dev.juror.store;

import dev.juror.rubric.Preference;
import java.util.Objects;

/**
 * A human preference about to be stored: one labeller's verdict on one dimension of a pairwise
 * rubric for two rollouts of one sample. {@code preference} is in the pair's stored naming (A =
 * {@code rolloutAId} is better), whatever side each rollout was shown on; {@code shown} records that.
 *
 * @param seen what of the judge and of other labellers was shown when it was given ({@code ""}: blind)
 */
public record NewPreference(String labeller, long rolloutAId, long rolloutBId, ShownOrder shown, String dimension,
                            Preference preference, String note, double secondsSpent, String rubricVersion,
                            boolean judgeHidden, String seen) {

    public NewPreference {
        Objects.requireNonNull(labeller, "labeller");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(preference, "preference");
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        if (labeller.isBlank()) {
            throw new IllegalArgumentException("a preference needs the labeller's name");
        }
        if (rolloutAId == rolloutBId) {
            throw new IllegalArgumentException("a preference compares two different rollouts, got " + rolloutAId + " twice");
        }
        note = note == null ? "" : note;
        seen = seen == null ? "" : seen.strip();
        if (!judgeHidden && seen.isEmpty()) {
            throw new IllegalArgumentException("a preference given with the judge's verdict shown must say what was seen");
        }
        if (!(secondsSpent >= 0) || Double.isInfinite(secondsSpent)) {
            secondsSpent = 0;
        }
    }

    public boolean blind() {
        return seen.isEmpty();
    }
}
