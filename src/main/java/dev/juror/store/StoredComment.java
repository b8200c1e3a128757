package dev.juror.store;

import dev.juror.dataset.Comment;

/**
 * A comment parsed from a stored rollout. {@code id} is the stable key labels and judge results
 * refer to; {@code position} is its 0-based order in the prediction. {@code commentId} is what the
 * policy wrote and may repeat within a prediction.
 */
public record StoredComment(long id, long rolloutId, int position, String commentId, String textExcerpt,
                            String comment, String commentType, String recommendedAction) {

    public Comment toComment() {
        return new Comment(commentId, textExcerpt, comment, commentType, recommendedAction);
    }
}
