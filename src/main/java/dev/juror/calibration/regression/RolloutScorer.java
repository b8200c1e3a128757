package dev.juror.calibration.regression;

/**
 * Re-scores one rollout for a suite: the judge (replayed when recorded, live otherwise) plus the
 * deterministic checks that raise flags. Implementations live where the data is (the command line
 * builds one from the workspace and a judge); tests use in-memory ones. Never throws for a rollout
 * that cannot be scored: it returns {@link ScoredRollout#failed}.
 */
@FunctionalInterface
public interface RolloutScorer {
    ScoredRollout score(RolloutRef rollout);
}
