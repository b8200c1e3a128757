package dev.juror.store;

/**
 * One stored dimension score of one judge result, with what the judge said about it.
 *
 * @param commentPosition 0-based comment position, -1 for a response-level score
 * @param label           the scale label the judge gave ({@code ""} if none)
 */
public record JudgeScoreDetail(int commentPosition, String commentId, String dimension, double score, String label,
                               String justification) {
}
