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
 * @param referenceAnswer   expert answer as JSON text (Nova RFT {@code reference_answer}), or null
 * @param metadata          free-form metadata from the file
 * @param rollouts          model outputs for this sample, in file order
 * @param line              1-based line of the import file this sample came from
 */
public record SampleInput(String id, String systemPrompt, String targetDocument, String referenceDocument,
                          String referenceAnswer, Map<String, Object> metadata, List<RolloutInput> rollouts,
                          int line) {

    public SampleInput {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        referenceDocument = referenceDocument == null ? "" : referenceDocument;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        rollouts = List.copyOf(rollouts);
    }
}
