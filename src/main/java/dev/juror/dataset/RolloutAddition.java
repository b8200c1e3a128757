package dev.juror.dataset;

/** A line of a rollouts file: a prediction added to a sample that is already in the workspace. */
public record RolloutAddition(String sampleId, RolloutInput rollout, int line) {
}
