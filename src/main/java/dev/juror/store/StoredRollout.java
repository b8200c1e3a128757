package dev.juror.store;

import dev.juror.dataset.Prediction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored rollout with its parsed comments.
 *
 * @param index          0-based position within its sample
 * @param prediction     the raw prediction exactly as imported
 * @param predictionHash SHA-256 of the raw prediction: the key of replayed judge outputs
 * @param parseError     why the prediction could not be parsed into comments, or null when it was
 * @param model          the policy model from the rollout's metadata ({@code model}), {@code ""} if unknown
 */
public record StoredRollout(long id, String sampleId, int index, String prediction, String predictionHash,
                            String parseError, String model, Map<String, Object> metadata, Instant createdAt,
                            List<StoredComment> comments) {

    public StoredRollout {
        metadata = Map.copyOf(metadata);
        comments = List.copyOf(comments);
    }

    public boolean isParsed() {
        return parseError == null;
    }

    /** The rollout as the engines see it (judge, reward): raw text, comments, parse error. */
    public Prediction toPrediction() {
        return new Prediction(prediction, comments.stream().map(StoredComment::toComment).toList(), parseError);
    }
}
