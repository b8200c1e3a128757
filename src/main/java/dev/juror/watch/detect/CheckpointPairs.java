package dev.juror.watch.detect;

/**
 * The judge's and the experts' scores of the same rollouts of one checkpoint (0..1, the reward's
 * scale), index by index: what the paired bootstrap of {@code expert_divergence} resamples.
 * {@link CheckpointAgreement} carries only their means.
 *
 * @param checkpoint the checkpoint's name as imported
 * @param step       the training step it was taken at
 * @param judge      the judge's score of each labelled rollout
 * @param expert     the experts' score of the same rollout
 * @param sampleIds  the rollouts' sample ids, index by index (what an alarm names as examples)
 */
public record CheckpointPairs(String checkpoint, int step, double[] judge, double[] expert, String[] sampleIds) {

    public CheckpointPairs {
        if (judge.length != expert.length || judge.length != sampleIds.length) {
            throw new IllegalArgumentException("checkpoint " + checkpoint + ": " + judge.length + " judge scores but "
                    + expert.length + " expert scores and " + sampleIds.length + " sample ids");
        }
    }
}
