package dev.juror.dataset;

import java.util.Map;

/**
 * The parts of one Nova RFT sample (training row, rollout log line or reward Lambda input) that a
 * judge needs. Never null: absent texts are empty strings.
 *
 * @param id              the sample's {@code id}, or a generated stable id when it had none
 * @param idGenerated     true when {@code id} was generated (see {@link NovaSampleExtractor#generatedId})
 * @param systemPrompt    text of the first {@code system} (or {@code developer}) message, or empty
 * @param targetDocument  the document under review
 * @param targetSource    where the target came from
 * @param referenceDocument the reference document, empty when none was found
 * @param referenceSource where the reference came from ({@link PartSource#NONE} = no reference)
 * @param referenceAnswer {@code reference_answer} as compact JSON text, or empty when absent
 * @param prediction      text of the last {@code assistant}/{@code nova_assistant} message, or empty
 * @param hasPrediction   false when the sample has no assistant turn (a training row)
 * @param customFields    every other field of the sample: top-level extras and {@code metadata}
 *                        entries (a {@code metadata} entry wins over a top-level field of the same name)
 */
public record NovaSample(String id, boolean idGenerated, String systemPrompt, String targetDocument,
                         PartSource targetSource, String referenceDocument, PartSource referenceSource,
                         String referenceAnswer, String prediction, boolean hasPrediction,
                         Map<String, Object> customFields) {

    /** Where a document part was found, in the extraction order. */
    public enum PartSource {
        /** a custom field {@code target_document} / {@code reference_document}, top level or in metadata */
        FIELD,
        /** between {@code <TargetDocument>} / {@code <Reference>} tags in the last user message */
        TAG,
        /** the whole last user message (target only) */
        USER_MESSAGE,
        /** not found (reference only) */
        NONE
    }

    public NovaSample {
        customFields = MetadataMaps.copyOf(customFields);
    }

    /** True when no reference document was found; the judge then sees an empty reference. */
    public boolean noReference() {
        return referenceSource == PartSource.NONE;
    }
}
