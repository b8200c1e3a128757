package dev.juror.dataset;

/**
 * The three JSONL shapes Juror imports; detected from the first non-blank line that is a JSON
 * object of a recognisable shape (see {@link JsonlImportReader}).
 */
public enum ImportFormat {
    /** Juror's own: one sample per line with its rollouts. */
    JUROR,
    /** Nova RFT training rows or rollout logs ({@code messages}, {@code reference_answer}). */
    NOVA_RFT,
    /** Predictions added to samples already imported ({@code sample_id}, {@code prediction}). */
    ROLLOUTS,
    /**
     * No line could be recognised (empty file, or every line refused before the shape was known).
     * Such a batch holds only errors.
     */
    UNKNOWN
}
