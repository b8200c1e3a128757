package dev.juror.store;

/**
 * One per-dimension verdict of a pairwise judge result, in the order the judge saw the pair.
 *
 * @param shownA   the rollout shown as candidate A
 * @param shownB   the rollout shown as candidate B
 * @param shareOfA candidate A's share of the win: 1 (A), 0.5 (tie), 0 (B)
 */
public record PairwiseScoreRow(long shownA, long shownB, int repeat, String dimension, double shareOfA) {
}
