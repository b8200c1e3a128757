package dev.juror.app.rubric;

/** A rollout in the preview's chooser. */
public record RolloutChoice(long id, String sampleId, int index, String model, int comments) {
    @Override
    public String toString() {
        return "rollout " + index + (model.isEmpty() ? "" : " - " + model) + " (" + comments + " comment"
                + (comments == 1 ? "" : "s") + ")";
    }
}
