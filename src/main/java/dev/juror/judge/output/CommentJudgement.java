package dev.juror.judge.output;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The judge's scores of one comment, matched to the prediction's comment by {@code comment_id}.
 *
 * @param position           0-based position of the comment in the prediction; -1 for a
 *                           response-level or pairwise judgement
 * @param commentId          the comment id (the prediction's, when matched)
 * @param scores             per-dimension scores in rubric order (only valid scores)
 * @param judgeCommentScore  the judge's own {@code Comment_Score}, if it gave a number
 * @param commentScore       recomputed from {@code scores} with the rubric's aggregation; empty
 *                           when a dimension is missing or invalid
 * @param arithmeticMismatch the judge's {@code Comment_Score} differs from the recomputation by
 *                           more than {@link JudgeOutputParser#ARITHMETIC_TOLERANCE}
 */
public record CommentJudgement(int position, String commentId, List<DimensionScore> scores,
                               OptionalDouble judgeCommentScore, OptionalDouble commentScore,
                               boolean arithmeticMismatch) {

    public CommentJudgement {
        commentId = commentId == null ? "" : commentId;
        scores = List.copyOf(scores);
    }

    public Optional<DimensionScore> score(String dimension) {
        return scores.stream().filter(s -> s.dimension().equals(dimension)).findFirst();
    }
}
