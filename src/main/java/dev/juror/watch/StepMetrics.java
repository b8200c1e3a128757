package dev.juror.watch;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The trainer's metrics of one step as one source line gave them ({@code critic/rewards/mean},
 * {@code train_rm_score}, {@code response_length_mean}, ...), with when it was logged if the source
 * says: the end of the step, against which reward records are placed by timestamp.
 */
public record StepMetrics(int step, Optional<Instant> loggedAt, Map<String, Double> values, String source) {
}
