package dev.juror.dataset;

/**
 * One comment of a contract-review prediction, in the seed article's format. Any field the policy
 * left out is an empty string, never null, so downstream checks need no null handling.
 */
public record Comment(String commentId, String textExcerpt, String comment, String commentType,
                      String recommendedAction) {

    public Comment {
        commentId = nullToEmpty(commentId);
        textExcerpt = nullToEmpty(textExcerpt);
        comment = nullToEmpty(comment);
        commentType = nullToEmpty(commentType);
        recommendedAction = nullToEmpty(recommendedAction);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
