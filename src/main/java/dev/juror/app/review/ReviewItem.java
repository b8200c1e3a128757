package dev.juror.app.review;

import dev.juror.dataset.Location;

/**
 * One thing to label in the open rollout: a comment, or the whole response for response-level
 * rubrics ({@code position} -1, the prediction as {@code comment}, no excerpt).
 *
 * @param location where the excerpt is (in the target, or the reference); null for the whole response
 */
public record ReviewItem(int position, String commentId, String excerpt, String comment, String commentType,
                         String recommendedAction, Location location) {

    public boolean isResponse() {
        return position == ItemKey.RESPONSE;
    }
}
