package dev.juror.dataset;

/** The three JSONL shapes Juror imports; detected from the first non-blank line. */
public enum ImportFormat {
    /** Juror's own: one sample per line with its rollouts. */
    JUROR,
    /** Nova RFT training rows or rollout logs ({@code messages}, {@code reference_answer}). */
    NOVA_RFT,
    /** Predictions added to samples already imported ({@code sample_id}, {@code prediction}). */
    ROLLOUTS
}
