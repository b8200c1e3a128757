package dev.juror.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies a labeller-to-rollouts map keeping the labellers' order (Map.copyOf would lose it). */
final class QueueAssignments {

    private QueueAssignments() {
    }

    static Map<String, List<Long>> copyOf(Map<String, List<Long>> assignments) {
        Map<String, List<Long>> copy = new LinkedHashMap<>();
        assignments.forEach((labeller, rollouts) -> copy.put(labeller, List.copyOf(rollouts)));
        return Collections.unmodifiableMap(copy);
    }
}
