package dev.juror.app.review;

import dev.juror.dataset.Location;
import dev.juror.dataset.MatchStatus;
import java.util.List;

/**
 * What the card of one item shows in the prediction pane.
 *
 * @param revealed    score lines (the labeller's own first) once the labeller has submitted, or
 *                    always when blind mode is off; empty otherwise
 * @param hiddenCount labels by others (and judge scores) held back by blind mode
 */
public record CommentCard(ReviewItem item, boolean labelledByMe, boolean flagged, boolean disagreement,
                          List<ScoreLine> revealed, int hiddenCount) {

    /**
     * One labeller's (or the judge's) scores on the item, in dimension order; {@code differs} marks a
     * disagreement. {@code origin} says where imported labels came from ("imported from pack 1a2b3c4d
     * (ann.jsonl) by carol on 2026-12-07"); empty for labels given at this workspace's desk and for the judge.
     */
    public record ScoreLine(String who, List<String> scores, List<Boolean> differs, String origin) {

        public ScoreLine(String who, List<String> scores, List<Boolean> differs) {
            this(who, scores, differs, "");
        }
    }

    public CommentCard {
        revealed = List.copyOf(revealed);
    }

    /** Where the excerpt was found, in words; empty for the whole response. */
    public String locationText() {
        Location location = item.location();
        if (location == null) {
            return "";
        }
        return switch (location.status()) {
            case EXACT -> "Found in target (exact quote)";
            case NORMALIZED -> "Found in target (quote differs in spacing or punctuation)";
            case FUZZY -> String.format(java.util.Locale.ROOT, "Found in target (similar wording, %.0f%%)",
                    location.similarity() * 100);
            case IN_REFERENCE -> "Quotes the reference, not the target";
            case NOT_FOUND -> "Excerpt not found in target";
        };
    }

    public boolean excerptProblem() {
        Location location = item.location();
        return location != null && (location.status() == MatchStatus.NOT_FOUND
                || location.status() == MatchStatus.IN_REFERENCE);
    }
}
