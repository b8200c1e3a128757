package dev.juror.calibration.stats;

/**
 * Item-bootstrap result for one statistic.
 *
 * @param estimate           the statistic on the full sample
 * @param percentile         percentile interval
 * @param bca                bias-corrected and accelerated interval (jackknife acceleration)
 * @param standardError      standard deviation of the defined bootstrap values
 * @param resamples          resamples drawn
 * @param undefinedResamples resamples on which the statistic was undefined (dropped)
 */
public record BootstrapResult(Estimate estimate, Interval percentile, Interval bca, Estimate standardError,
        int resamples, int undefinedResamples) {
}
