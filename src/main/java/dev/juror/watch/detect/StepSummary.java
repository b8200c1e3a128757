package dev.juror.watch.detect;

/**
 * One step's line in the report and on the Training screen's charts.
 *
 * @param step          the step
 * @param records       reward records at the step
 * @param rewardMean    mean reward
 * @param rewardMin     lowest reward
 * @param rewardMax     highest reward
 * @param lengthMean    mean prediction length in characters
 * @param commentsMean  mean comments per prediction
 * @param fallbackRate  share of records whose reward was the neutral fallback
 * @param scoreShift    PSI of the step's dimension scores against the calibration set (largest over
 *                      dimensions), {@code NaN} without a baseline
 */
public record StepSummary(int step, int records, double rewardMean, double rewardMin, double rewardMax,
                          double lengthMean, double commentsMean, double fallbackRate, double scoreShift) {
}
