package dev.juror.app.training;

import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.List;
import java.util.Optional;

/**
 * What the Training screen reads, and all it reads: the workspace's training runs, one run's report,
 * one step's records, and the run's checkpoint rollouts. Called on background
 * threads only. The workbench implements it over the workspace's use cases; tests answer from memory.
 */
public interface TrainingData {

    /** The training runs, oldest first. */
    List<TrainingRunChoice> runs();

    /** The run's report: a summary per step, checkpoint agreement, alarms and notes. */
    WatchReport report(String run);

    /** The run's records at {@code step}; empty when the step has none. */
    Optional<StepRecords> step(String run, int step);

    /** The run's checkpoints with rollouts in the workspace (to open them in the review desk). */
    List<CheckpointForReview> checkpoints(String run);
}
