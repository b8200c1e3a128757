package dev.juror.store;

/**
 * One stored judge score: a dimension of a comment of a rollout, in one repeat. {@code commentPosition}
 * is -1 for response-level and pairwise judgements.
 */
public record JudgeScoreRow(long rolloutId, int commentPosition, String commentId, String dimension, int repeat,
                            double score) {
}
