package dev.juror.calibration.regression;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A rollout as re-scored for a suite: the judge's per-comment, per-dimension scores, the sample
 * score and the flags raised by the deterministic checks and the judge (e.g. {@code format},
 * {@code injection}, {@code grounding}, {@code judge_error}).
 *
 * @param error why the rollout could not be scored (judge failure, unknown rollout), {@code ""} when it was
 */
public record ScoredRollout(RolloutRef rollout, Map<Integer, Map<String, Integer>> commentScores,
                            OptionalDouble sampleScore, Set<String> flags, String error) {

    public ScoredRollout {
        commentScores = Map.copyOf(commentScores);
        flags = Set.copyOf(flags);
        error = error == null ? "" : error;
    }

    public static ScoredRollout failed(RolloutRef rollout, String error, Set<String> flags) {
        return new ScoredRollout(rollout, Map.of(), OptionalDouble.empty(), flags, error);
    }
}
