package dev.juror.calibration.stats;

import java.util.Map;

/**
 * Several statistics of the same (re)sample, by name, so one resample serves them all. The map
 * must have the same keys on every call. Implementations must not modify {@code groupCounts}.
 */
@FunctionalInterface
public interface CountStatistics {
    Map<String, Estimate> evaluate(int[] groupCounts);
}
