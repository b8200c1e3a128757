package dev.juror.reward;

import dev.juror.dataset.NovaSample;

/**
 * What the composite reward scores: one policy prediction with the sample it answers. Never null:
 * absent texts are empty strings.
 *
 * @param systemPrompt      what the policy model was told (may be empty)
 * @param targetDocument    the document under review
 * @param referenceDocument the reference the concerns are justified by (may be empty)
 * @param referenceAnswer   the sample's {@code reference_answer} as JSON text, or empty
 * @param prediction        the policy's output, exactly as written
 * @param noReference       true when the sample carried no reference document at all
 */
public record RewardInput(String systemPrompt, String targetDocument, String referenceDocument,
                          String referenceAnswer, String prediction, boolean noReference) {

    public RewardInput {
        systemPrompt = orEmpty(systemPrompt);
        targetDocument = orEmpty(targetDocument);
        referenceDocument = orEmpty(referenceDocument);
        referenceAnswer = orEmpty(referenceAnswer);
        prediction = orEmpty(prediction);
    }

    /** A sample read by {@link dev.juror.dataset.NovaSampleExtractor} (the Lambda's input). */
    public static RewardInput from(NovaSample sample) {
        return new RewardInput(sample.systemPrompt(), sample.targetDocument(), sample.referenceDocument(),
                sample.referenceAnswer(), sample.prediction(), sample.noReference());
    }

    /** Inputs with both documents (reference may be empty but counts as given). */
    public static RewardInput of(String systemPrompt, String target, String reference, String referenceAnswer,
                                 String prediction) {
        return new RewardInput(systemPrompt, target, reference, referenceAnswer, prediction, false);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
