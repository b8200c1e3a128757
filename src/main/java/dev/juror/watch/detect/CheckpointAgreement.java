package dev.juror.watch.detect;

import java.util.Map;

/**
 * Judge-versus-expert agreement on one checkpoint's rollouts, labelled blind in the review desk.
 *
 * @param checkpoint   the checkpoint's name as imported ("ckpt-200")
 * @param step         the training step it was taken at
 * @param labelled     rollouts with an expert label (and a judge score)
 * @param agreement    weighted kappa per dimension (the statistic calibration uses)
 * @param lower        lower end of each dimension's bootstrap interval
 * @param upper        upper end of each dimension's bootstrap interval
 * @param judgeMean    mean judge score over the labelled rollouts (0..1, the reward's scale)
 * @param expertMean   mean expert score over the same rollouts (0..1)
 */
public record CheckpointAgreement(String checkpoint, int step, int labelled, Map<String, Double> agreement,
                                  Map<String, Double> lower, Map<String, Double> upper, double judgeMean,
                                  double expertMean) {
}
