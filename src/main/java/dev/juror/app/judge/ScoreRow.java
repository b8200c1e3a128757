package dev.juror.app.judge;

import dev.juror.store.JudgeScoreDetail;
import java.util.Locale;

/** One line of the detail table: a comment's score on one dimension and the judge's justification. */
public record ScoreRow(JudgeScoreDetail detail) {

    public String commentText() {
        if (detail.commentPosition() < 0) {
            return "response";
        }
        String id = detail.commentId().isEmpty() ? "" : " " + detail.commentId();
        return "#" + (detail.commentPosition() + 1) + id;
    }

    public String scoreText() {
        double s = detail.score();
        String number = s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.2f", s);
        return detail.label().isEmpty() ? number : number + " (" + detail.label() + ")";
    }
}
