package dev.juror.dataset;

import java.util.List;
import java.util.Map;

/**
 * A sample as read from an import file, before it is stored.
 *
 * @param id                sample id, unique in the workspace
 * @param systemPrompt      the system prompt the policy model was given (may be empty)
 * @param targetDocument    the document under review (the contract)
 * @param referenceDocument the reference (guideline, playbook, law); may be empty
 * @param referenceAnswer   expert answer as compact JSON text (Nova RFT {@code reference_answer}; a string
 *                          answer is stored as a JSON string literal), or null when the file has none
 * @param metadata          free-form metadata from the file (insertion order kept; JSON nulls dropped)
 * @param rollouts          model outputs for this sample, in file order
 * @param line              1-based line of the import file this sample came from
 */
public record SampleInput(String id, String systemPrompt, String targetDocument, String referenceDocument,
                          String referenceAnswer, Map<String, Object> metadata, List<RolloutInput> rollouts,
                          int line) {

    public SampleInput {
        java.util.Objects.requireNonNull(id, "id");
        targetDocument = targetDocument == null ? "" : targetDocument;
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        referenceDocument = referenceDocument == null ? "" : referenceDocument;
        metadata = MetadataMaps.copyOf(metadata);
        rollouts = List.copyOf(rollouts);
    }
}
