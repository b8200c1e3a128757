package dev.juror.rubric;

import java.util.List;

/**
 * What a judge prompt is rendered from: the sample's parts and the candidate(s) to grade.
 *
 * @param systemPrompt      the system prompt the policy model was given (may be empty)
 * @param targetDocument    the document under review (may be empty for tasks without one)
 * @param referenceDocument the reference the concerns are justified by (may be empty)
 * @param candidates        one prediction (pointwise) or two, A then B (pairwise); untrusted text
 */
public record PromptInputs(String systemPrompt, String targetDocument, String referenceDocument,
                           List<String> candidates) {

    public PromptInputs {
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        targetDocument = targetDocument == null ? "" : targetDocument;
        referenceDocument = referenceDocument == null ? "" : referenceDocument;
        candidates = candidates.stream().map(c -> c == null ? "" : c).toList();
        if (candidates.isEmpty() || candidates.size() > 2) {
            throw new IllegalArgumentException("one candidate (pointwise) or two (pairwise) expected, got "
                    + candidates.size());
        }
    }

    /** Inputs for a pointwise rubric: one prediction. */
    public static PromptInputs pointwise(String systemPrompt, String targetDocument, String referenceDocument,
                                         String prediction) {
        return new PromptInputs(systemPrompt, targetDocument, referenceDocument,
                java.util.Collections.singletonList(prediction));
    }

    /** Inputs for a pairwise rubric: candidate A and candidate B. */
    public static PromptInputs pairwise(String systemPrompt, String targetDocument, String referenceDocument,
                                        String candidateA, String candidateB) {
        return new PromptInputs(systemPrompt, targetDocument, referenceDocument,
                java.util.Arrays.asList(candidateA, candidateB));
    }
}
