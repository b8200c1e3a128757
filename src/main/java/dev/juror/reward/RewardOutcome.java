package dev.juror.reward;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The composite reward of one prediction.
 *
 * @param reward     in [0, 1], never NaN
 * @param metrics    named numbers in a stable order (components first, then checks, then rules)
 * @param flags      names of the rules whose action is FLAG (route to human review), in order found
 * @param floored    true when the reward is fixed at 0: a FLOOR rule fired (the judge was not asked),
 *                   or the judge failed because of the prediction (metric {@code prediction_failure})
 * @param judgeError true when the judge failed; the reward is then the configured neutral value
 *                   (metric {@code service_failure}), or 0 when the prediction caused the failure
 * @param judgeStatus {@code ok}, {@code skipped}, or the failure status ({@code api_error},
 *                   {@code timeout}, {@code parse_error}, {@code schema_error}, {@code refused})
 * @param detail     why the reward is what it is when not judged normally (floor rule, judge
 *                   failure message), empty otherwise
 * @param judgeCall  latency and tokens of the judge call ({@link JudgeCallStats#NONE} when not asked)
 */
public record RewardOutcome(double reward, List<RewardMetric> metrics, List<String> flags, boolean floored,
                            boolean judgeError, String judgeStatus, String detail, JudgeCallStats judgeCall) {

    public RewardOutcome {
        if (!(reward >= 0.0 && reward <= 1.0)) {
            throw new IllegalArgumentException("reward must be in [0, 1], was " + reward);
        }
        metrics = List.copyOf(metrics);
        flags = List.copyOf(flags);
        Objects.requireNonNull(judgeStatus, "judgeStatus");
        detail = detail == null ? "" : detail;
        judgeCall = judgeCall == null ? JudgeCallStats.NONE : judgeCall;
    }

    /** Without a judge call to report. */
    public RewardOutcome(double reward, List<RewardMetric> metrics, List<String> flags, boolean floored,
                         boolean judgeError, String judgeStatus, String detail) {
        this(reward, metrics, flags, floored, judgeError, judgeStatus, detail, JudgeCallStats.NONE);
    }

    public Optional<RewardMetric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The reward is the floor because the prediction made (or would make) the judge fail. */
    public boolean predictionFailure() {
        return metricValue(CompositeReward.PREDICTION_FAILURE, 0.0) == 1.0;
    }

    /** The judge failed for a reason not charged to the prediction; the reward is neutral. */
    public boolean serviceFailure() {
        return metricValue(CompositeReward.SERVICE_FAILURE, 0.0) == 1.0;
    }

    /** The metric's value, or {@code fallback} when it was not reported. */
    public double metricValue(String name, double fallback) {
        return metric(name).map(RewardMetric::value).orElse(fallback);
    }
}
