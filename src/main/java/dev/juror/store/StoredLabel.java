package dev.juror.store;

import java.time.Instant;

/**
 * A label as stored. {@code uid} identifies it across workspaces (label packs); {@code origin} says
 * where it was made. Which label of a labeller and item counts is decided by {@code id} (insert
 * order), never by a time.
 *
 * @param createdAt  when the row was stored in this workspace (for a desk label: when it was given)
 * @param declaredAt the time a label pack declared for it, kept as information; null for desk labels
 * @param imported   the pack import it came with; null for labels given at this workspace's desk
 * @param blind      nothing of the judge and nothing of other labellers was shown for the item when it was given
 * @param seen       what was shown, in words ({@code ""} when blind)
 */
public record StoredLabel(long id, String uid, String labeller, long rolloutId, int commentPosition, String commentId,
                          String dimension, String score, String note, double secondsSpent, String rubricVersion,
                          boolean judgeHidden, boolean flagged, Instant createdAt, String origin, Instant declaredAt,
                          LabelImport imported, boolean blind, String seen) {

    /** What {@link #seen} says of a label given with the judge's scores shown, when nothing more is known. */
    public static final String JUDGE_SHOWN = "the judge's scores";

    public StoredLabel {
        seen = seen == null ? "" : seen;
        if (blind && !judgeHidden) {
            throw new IllegalArgumentException("label " + uid + " cannot be blind with the judge's scores shown");
        }
    }

    /** A label whose blindness follows {@code judgeHidden} (nothing else recorded). */
    public StoredLabel(long id, String uid, String labeller, long rolloutId, int commentPosition, String commentId,
                       String dimension, String score, String note, double secondsSpent, String rubricVersion,
                       boolean judgeHidden, boolean flagged, Instant createdAt, String origin, Instant declaredAt,
                       LabelImport imported) {
        this(id, uid, labeller, rolloutId, commentPosition, commentId, dimension, score, note, secondsSpent,
                rubricVersion, judgeHidden, flagged, createdAt, origin, declaredAt, imported, judgeHidden,
                judgeHidden ? "" : JUDGE_SHOWN);
    }

    /** A label with no pack import behind it (desk labels, tests). */
    public StoredLabel(long id, String uid, String labeller, long rolloutId, int commentPosition, String commentId,
                       String dimension, String score, String note, double secondsSpent, String rubricVersion,
                       boolean judgeHidden, boolean flagged, Instant createdAt, String origin) {
        this(id, uid, labeller, rolloutId, commentPosition, commentId, dimension, score, note, secondsSpent,
                rubricVersion, judgeHidden, flagged, createdAt, origin, null, null);
    }

    public LabelItem item() {
        return new LabelItem(rolloutId, commentPosition, dimension);
    }

    /** When the label was made, as far as is known: the declared time of an imported label, else the stored time. */
    public Instant madeAt() {
        return declaredAt != null ? declaredAt : createdAt;
    }

    /** Where the label came from in words: "given at the desk" or the pack import. */
    public String originText() {
        return imported != null ? imported.describe() : origin.startsWith("pack:") ? "imported from a label pack"
                : "given at the desk";
    }

    StoredLabel withId(long newId) {
        return new StoredLabel(newId, uid, labeller, rolloutId, commentPosition, commentId, dimension, score, note,
                secondsSpent, rubricVersion, judgeHidden, flagged, createdAt, origin, declaredAt, imported, blind,
                seen);
    }

    StoredLabel withImport(LabelImport batch) {
        return new StoredLabel(id, uid, labeller, rolloutId, commentPosition, commentId, dimension, score, note,
                secondsSpent, rubricVersion, judgeHidden, flagged, createdAt, origin, declaredAt, batch, blind, seen);
    }
}
