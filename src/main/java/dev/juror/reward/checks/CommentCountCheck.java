package dev.juror.reward.checks;

import java.util.List;
import java.util.Map;

/**
 * The rubric's limit on the number of comments ({@code checks.length.max_comments}). A prediction
 * beyond it would make the judge write one scored entry per comment and run into its output-token
 * limit (60 junk comments do), so it is the prediction's failure: rule
 * {@link Rules#TOO_MANY_COMMENTS} (FLOOR by default), found before any judge call.
 */
public final class CommentCountCheck {

    public static final String CHECK_NAME = "comment_limit";

    private final int maxComments;

    public CommentCountCheck(int maxComments) {
        if (maxComments < 1) {
            throw new IllegalArgumentException("max comments must be at least 1, was " + maxComments);
        }
        this.maxComments = maxComments;
    }

    public CheckResult check(int comments) {
        if (comments <= maxComments) {
            return new CheckResult(CHECK_NAME, List.of(), Map.of());
        }
        return new CheckResult(CHECK_NAME, List.of(new CheckFinding(Rules.TOO_MANY_COMMENTS,
                comments + " comments, the limit is " + maxComments, -1)), Map.of());
    }
}
