package dev.juror.store;

import java.time.Instant;

/** A label as stored. {@code uid} identifies it across workspaces (label packs); {@code origin} says where it was made. */
public record StoredLabel(long id, String uid, String labeller, long rolloutId, int commentPosition, String commentId,
                          String dimension, String score, String note, double secondsSpent, String rubricVersion,
                          boolean judgeHidden, boolean flagged, Instant createdAt, String origin) {

    public LabelItem item() {
        return new LabelItem(rolloutId, commentPosition, dimension);
    }
}
