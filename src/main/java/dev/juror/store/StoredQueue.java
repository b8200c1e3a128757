package dev.juror.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A stored review queue; see {@link NewQueue} for the fields. */
public record StoredQueue(long id, String name, String strategy, OptionalLong runId, String bands, String checkpoint,
                          long seed, int targetCount, int overlap, List<String> labellers, String createdBy,
                          Instant createdAt, Map<String, List<Long>> assignments) {

    public StoredQueue {
        labellers = List.copyOf(labellers);
        assignments = QueueAssignments.copyOf(assignments);
    }

    /** The rollouts given to {@code labeller}, in queue order; empty for someone not in the queue. */
    public List<Long> assignedTo(String labeller) {
        return assignments.getOrDefault(labeller, List.of());
    }

    /** Every rollout of the queue once, in the order first given. */
    public List<Long> rollouts() {
        return assignments.values().stream().flatMap(List::stream).distinct().toList();
    }
}
