package dev.juror.watch.detect;

import dev.juror.watch.RunSeries;
import java.util.List;

/**
 * Everything a detector may read: the run, its steps read once ({@code facts.get(i)} is
 * {@code series.steps().get(i)}), the baseline from the bundle and the checkpoints' expert labels.
 */
public record DetectionInput(RunSeries series, List<StepFacts> facts, Baseline baseline,
                             List<CheckpointAgreement> checkpoints, List<CheckpointScores> scores) {
}
