package dev.juror.store;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A review queue to store: how it was chosen and what each labeller was given.
 *
 * @param strategy    the strategy's name ({@code stratified}, {@code disagreement}, ...)
 * @param runId       the judge run the strategy read, if it reads one
 * @param bands       the score bands asked for ({@code ""}: the default bands)
 * @param checkpoint  the checkpoint asked for ({@code ""}: every checkpoint)
 * @param seed        the seed of the strategy's random draw (recorded even when nothing was drawn)
 * @param targetCount rollouts per labeller asked for
 * @param overlap     labellers per rollout
 * @param assignments the rollout ids given to each labeller, in queue order, labellers in the order given
 */
public record NewQueue(String name, String strategy, OptionalLong runId, String bands, String checkpoint, long seed,
                       int targetCount, int overlap, List<String> labellers, String createdBy,
                       Map<String, List<Long>> assignments) {

    public NewQueue {
        labellers = List.copyOf(labellers);
        assignments = QueueAssignments.copyOf(assignments);
    }
}
