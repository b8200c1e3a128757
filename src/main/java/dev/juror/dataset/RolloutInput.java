package dev.juror.dataset;

import java.util.Map;

/**
 * A rollout as read from an import file: the raw prediction text and free-form metadata (for
 * example {@code model}, the policy model that wrote it). Parsing into comments happens later.
 */
public record RolloutInput(String prediction, Map<String, Object> metadata) {

    public RolloutInput {
        prediction = prediction == null ? "" : prediction;
        metadata = MetadataMaps.copyOf(metadata);
    }
}
