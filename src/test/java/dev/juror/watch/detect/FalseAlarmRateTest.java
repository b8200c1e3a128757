package dev.juror.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.testing.watch.FalseAlarms;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Over 20 clean simulated runs no detector fires on more than {@link #BOUND} of them (the bound
 * docs/training-watch.md gives; the measured rates are in docs/benchmarks.md, from
 * {@code WatchDetectorBench}). Runs are shorter and thinner here than in the bench (150 steps of
 * 128 records), so noisier: a harder test of the thresholds.
 */
class FalseAlarmRateTest {

    /** The documented bound: a detector may fire on at most 5 % of clean runs (1 of 20). */
    static final double BOUND = 0.05;
    static final int SEEDS = 20;

    @Test
    void noDetectorFiresOnMoreThanTheBoundOfCleanRuns() {
        Map<String, Integer> fired = FalseAlarms.count(SEEDS, 150, 16, 8);
        assertThat(fired).hasSize(DetectorNames.ALL.size());
        fired.forEach((detector, runs) -> assertThat(runs / (double) SEEDS).as(detector + " fired on " + runs + " of "
                + SEEDS + " clean runs").isLessThanOrEqualTo(BOUND));
    }
}
