package dev.juror.reward;

import java.util.Map;
import java.util.Objects;

/**
 * The judge's scores for one comment (or for the whole response, {@code commentId = "response"}),
 * one value per rubric dimension on the rubric's scale (boolean: pass = 1, fail = 0).
 */
public record CommentScores(String commentId, Map<String, Double> dimensionScores) {

    public CommentScores {
        Objects.requireNonNull(commentId, "commentId");
        dimensionScores = Map.copyOf(dimensionScores);
    }
}
