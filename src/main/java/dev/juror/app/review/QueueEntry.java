package dev.juror.app.review;

/**
 * One rollout in the review queue, without its texts.
 *
 * @param index        0-based index of the rollout within its sample
 * @param commentCount parsed comments (0 when the prediction could not be parsed)
 */
public record QueueEntry(String sampleId, long rolloutId, int index, String model, int commentCount,
                         boolean parsed) {

    public String title() {
        return sampleId + " · rollout " + (index + 1) + (model.isEmpty() ? "" : " · " + model);
    }
}
