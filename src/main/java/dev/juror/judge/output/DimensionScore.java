package dev.juror.judge.output;

/**
 * The judge's score of one dimension.
 *
 * @param dimension     rubric dimension name
 * @param score         numeric value: the integer level, 1/0 for pass/fail, 1/0.5/0 for a pairwise verdict A/tie/B
 * @param label         the value as the judge wrote it ({@code 4}, {@code pass}, {@code A})
 * @param justification the judge's justification ({@code ""} when it gave none)
 */
public record DimensionScore(String dimension, double score, String label, String justification) {

    public DimensionScore {
        label = label == null ? "" : label;
        justification = justification == null ? "" : justification;
    }
}
