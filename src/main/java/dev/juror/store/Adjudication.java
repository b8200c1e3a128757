package dev.juror.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An adjudicated score: the score that settles one dimension of one comment (or response) after
 * the labellers, or the judge and their consensus, disagreed, with the adjudicator's reason.
 *
 * @param id        0 for one not stored yet
 * @param uid       identifies it across workspaces; made when stored
 * @param createdAt when it was stored ({@code null} before)
 */
public record Adjudication(long id, String uid, String adjudicator, long rolloutId, int commentPosition,
                           String commentId, String dimension, String score, String reason, String rubricVersion,
                           Instant createdAt) {

    public Adjudication {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        if (adjudicator.isBlank()) {
            throw new IllegalArgumentException("an adjudication needs the adjudicator's name");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjudication needs a reason: say why this score settles it");
        }
        commentId = commentId == null ? "" : commentId;
        uid = uid == null ? "" : uid;
    }

    /** One not stored yet. */
    public static Adjudication of(String adjudicator, long rolloutId, int commentPosition, String commentId,
                                  String dimension, String score, String reason, String rubricVersion) {
        return new Adjudication(0, "", adjudicator, rolloutId, commentPosition, commentId, dimension, score, reason,
                rubricVersion, null);
    }

    public LabelItem item() {
        return new LabelItem(rolloutId, commentPosition, dimension);
    }
}
