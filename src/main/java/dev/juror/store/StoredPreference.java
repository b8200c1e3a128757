package dev.juror.store;

import dev.juror.rubric.Preference;
import java.time.Instant;

/**
 * A human preference as stored (see {@link NewPreference}); {@code uid}, {@code origin},
 * {@code declaredAt} and {@code imported} as for {@link StoredLabel}. Which preference of a labeller,
 * pair and dimension counts is decided by {@code id} (insert order).
 */
public record StoredPreference(long id, String uid, String labeller, long rolloutAId, long rolloutBId, ShownOrder shown,
                               String dimension, Preference preference, String note, double secondsSpent,
                               String rubricVersion, boolean judgeHidden, boolean blind, String seen, Instant createdAt,
                               String origin, Instant declaredAt, LabelImport imported) {

    public StoredPreference {
        seen = seen == null ? "" : seen;
        note = note == null ? "" : note;
        if (blind && !judgeHidden) {
            throw new IllegalArgumentException("preference " + uid + " cannot be blind with the judge's verdict shown");
        }
    }

    /** When it was made, as far as is known: the declared time of an imported preference, else the stored time. */
    public Instant madeAt() {
        return declaredAt != null ? declaredAt : createdAt;
    }

    /** The preference with rollout {@code first} named A: the stored one, or swapped when the pair is stored the other way round. */
    public Preference towards(long first) {
        if (first == rolloutAId) {
            return preference;
        }
        if (first != rolloutBId) {
            throw new IllegalArgumentException("rollout " + first + " is not in preference " + uid);
        }
        return switch (preference) {
            case A -> Preference.B;
            case B -> Preference.A;
            case TIE -> Preference.TIE;
        };
    }

    /** The pair as a key that does not depend on the stored order: {@code low-high}. */
    public String pairKey() {
        return Math.min(rolloutAId, rolloutBId) + "-" + Math.max(rolloutAId, rolloutBId);
    }

    StoredPreference withId(long newId, LabelImport batch) {
        return new StoredPreference(newId, uid, labeller, rolloutAId, rolloutBId, shown, dimension, preference, note,
                secondsSpent, rubricVersion, judgeHidden, blind, seen, createdAt, origin, declaredAt, batch);
    }
}
