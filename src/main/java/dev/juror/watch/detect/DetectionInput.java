package dev.juror.watch.detect;

import dev.juror.watch.StepRecords;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Everything a detector may read: the run's steps as facts (one per step with records, ascending),
 * the records of step index {@code i} when an alarm names examples ({@link #step(int)}: from a
 * {@code RunSeries} in memory, or read from the store for that step alone), the baseline from the
 * bundle and the checkpoints' expert labels.
 */
public record DetectionInput(IntFunction<StepRecords> records, List<StepFacts> facts, Baseline baseline,
                             List<CheckpointAgreement> checkpoints, List<CheckpointScores> scores) {

    /** The records of the step {@code facts.get(i)} describes. */
    public StepRecords step(int i) {
        return records.apply(i);
    }
}
