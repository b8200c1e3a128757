package dev.juror.calibration.stats;

/**
 * A statistic of a (re)sample given as the number of items drawn from each group of an
 * {@link ItemGroups}. Implementations must not modify {@code groupCounts}.
 */
@FunctionalInterface
public interface CountStatistic {
    Estimate evaluate(int[] groupCounts);
}
