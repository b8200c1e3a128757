package dev.juror.app.rubric;

/** A sample in the preview's chooser. */
public record SampleChoice(String id, int rollouts) {
    @Override
    public String toString() {
        return id + " (" + rollouts + " rollout" + (rollouts == 1 ? "" : "s") + ")";
    }
}
