package dev.juror.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A checkpoint of a training run (V16): its name (what the rollouts' {@code metadata.checkpoint}
 * holds), the training step it was taken at, and the deployment {@code juror watch sample} called.
 *
 * @param run   the training run's name
 * @param model the model id or ARN sampled, empty when the rollouts were imported
 */
public record TrainingCheckpoint(long id, long runId, String run, String checkpoint, int step,
                                 Optional<String> model, Instant createdAt) {
}
