package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands ranked rollouts to labellers: each rollout to exactly {@code overlap} labellers, none to a
 * labeller who already has {@code count}, always to those who have the fewest so far (ties: the order
 * the labellers were given). With overlap equal to the number of labellers everyone gets the same
 * rollouts. Stops when the rollouts run out or fewer than {@code overlap} labellers have room.
 */
final class Assignment {

    private Assignment() {
    }

    static Map<String, List<Long>> of(List<Long> ranked, List<String> labellers, int count, int overlap) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        labellers.forEach(l -> out.put(l, new ArrayList<>()));
        for (long rollout : ranked) {
            List<String> withRoom = labellers.stream()
                    .filter(l -> out.get(l).size() < count)
                    .sorted(Comparator.comparingInt(l -> out.get(l).size())) // stable: ties keep the given order
                    .toList();
            if (withRoom.size() < overlap) {
                break;
            }
            withRoom.subList(0, overlap).forEach(l -> out.get(l).add(rollout));
        }
        return out;
    }
}
