package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Per checkpoint, for rollouts that carry one ({@code metadata.checkpoint}): one checkpoint's
 * rollouts in a seeded random order, or, with no checkpoint named, every checkpoint in equal counts
 * (drawn from each in turn, checkpoints in the order they first appear).
 */
final class CheckpointEngine implements QueueEngine {

    @Override
    public List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random) {
        Map<String, List<Long>> byCheckpoint = new LinkedHashMap<>();
        for (long rollout : inputs.rollouts()) {
            String checkpoint = inputs.checkpoints().get(rollout);
            if (checkpoint != null && (parameters.checkpoint().isEmpty() || parameters.checkpoint().equals(checkpoint))) {
                byCheckpoint.computeIfAbsent(checkpoint, c -> new ArrayList<>()).add(rollout);
            }
        }
        return Interleaving.of(byCheckpoint.values(), random);
    }

    @Override
    public String whyEmpty(QueueParameters parameters) {
        return parameters.checkpoint().isEmpty()
                ? "no rollout carries a checkpoint (metadata.checkpoint in the imported file)"
                : "no rollout has checkpoint " + parameters.checkpoint();
    }
}
