package dev.juror.workspace.queues;

import java.util.List;
import java.util.OptionalLong;

/**
 * A queue to create, as the command and the desk's dialog ask for it.
 *
 * @param runId      the judge run a strategy that reads one scores by
 * @param count      rollouts per labeller
 * @param overlap    labellers per rollout (1 to the number of labellers)
 * @param seed       the random draw's seed; empty draws a new one (recorded with the queue)
 * @param checkpoint the checkpoint strategy's checkpoint, {@code ""} for every checkpoint
 * @param bands      the stratified strategy's bands ({@code 1-2,3,4-5}), {@code ""} for every whole score
 * @param createdBy  who asked
 */
public record QueueRequest(String name, QueueStrategy strategy, OptionalLong runId, int count, int overlap,
                           List<String> labellers, OptionalLong seed, String checkpoint, String bands,
                           String createdBy) {

    public QueueRequest {
        labellers = labellers.stream().map(String::strip).filter(l -> !l.isEmpty()).distinct().toList();
        name = name == null ? "" : name.strip();
        checkpoint = checkpoint == null ? "" : checkpoint.strip();
        bands = bands == null ? "" : bands.strip();
    }
}
