package dev.juror.watch.detect;

import java.util.List;

/**
 * One checkpoint's labelled rollouts as (judge score, expert score) pairs on 0..1, the reward's
 * scale: what {@code expert_divergence}'s paired bootstrap resamples to ask whether the reward rose
 * across checkpoints while the experts' scores did not. Next to {@link CheckpointAgreement}, which
 * summarises the same checkpoint.
 *
 * <p>A rollout's score is the rubric's aggregation (comment score = weighted mean of the dimensions,
 * sample score = mean of the comments) over the comments that both the judge and the experts scored
 * on every dimension; the experts' score of an item is the median of the labellers' latest labels,
 * the judge's the median of its repeats (as calibration takes them).
 *
 * @param pairs one per rollout with such a comment, in rollout order
 */
public record CheckpointScores(String checkpoint, int step, List<Pair> pairs) {

    public CheckpointScores {
        pairs = List.copyOf(pairs);
    }

    /**
     * @param rollout the rollout's key ({@code sampleId/rolloutIndex})
     */
    public record Pair(String rollout, double judge, double expert) {
    }

    /** The judge's scores, in pair order. */
    public double[] judge() {
        return pairs.stream().mapToDouble(Pair::judge).toArray();
    }

    /** The experts' scores, in pair order. */
    public double[] expert() {
        return pairs.stream().mapToDouble(Pair::expert).toArray();
    }
}
