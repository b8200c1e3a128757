package dev.juror.watch;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One training run as the detectors, the report and the Training screen read it: its reward records
 * step by step (ascending, steps without records left out) and the trainer's own metrics by step.
 *
 * @param run            the run's name
 * @param bundle         the bundle id (manifest hash) its records came from, when it has records
 * @param placement      how records without a step of their own were placed
 * @param steps          the records by step, ascending
 * @param trainerMetrics the trainer's metrics by step ({@code critic/rewards/mean}, {@code train_rm_score}, ...)
 */
public record RunSeries(String run, Optional<String> bundle, Placement placement, List<StepRecords> steps,
                        NavigableMap<Integer, Map<String, Double>> trainerMetrics) {

    /** Reward records over all steps. */
    public long records() {
        long n = 0;
        for (StepRecords s : steps) {
            n += s.size();
        }
        return n;
    }
}
