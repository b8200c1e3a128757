package dev.juror.workspace.watch;

import dev.juror.store.StoredQueue;
import java.util.List;
import java.util.OptionalInt;

/**
 * The rollouts of one training checkpoint in the workspace (rollouts whose {@code metadata.checkpoint}
 * names it), for opening them in the review desk.
 *
 * @param checkpoint      the checkpoint's name as imported ("ckpt-200")
 * @param step            the training step it was taken at ({@code metadata.step} of its rollouts), when given
 * @param rollouts        how many rollouts carry it
 * @param firstSampleId   the sample of its first rollout (workspace order)
 * @param firstRolloutIndex that rollout's index within its sample
 * @param queues          the stored review queues made for it (strategy {@code checkpoint}), oldest first
 */
public record CheckpointForReview(String checkpoint, OptionalInt step, int rollouts, String firstSampleId,
                                 int firstRolloutIndex, List<StoredQueue> queues) {

    public CheckpointForReview {
        queues = List.copyOf(queues);
    }
}
