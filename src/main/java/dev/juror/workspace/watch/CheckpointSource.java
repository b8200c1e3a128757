package dev.juror.workspace.watch;

import dev.juror.store.TrainingRun;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointPairs;
import java.util.List;

/**
 * Where a report gets the experts' verdict on checkpoint rollouts: agreement per checkpoint and, for
 * the paired trend test, each labelled rollout's judge and expert score. Implemented where the
 * checkpoint queues are; {@link #none()} until a run has any.
 */
public interface CheckpointSource {

    List<CheckpointAgreement> agreements(TrainingRun run);

    default List<CheckpointPairs> pairs(TrainingRun run) {
        return List.of();
    }

    static CheckpointSource none() {
        return run -> List.of();
    }
}
