package dev.juror.export;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Everything the reward budget is computed from.
 *
 * @param modelId            the judge model or inference profile
 * @param rubricLabel        {@code name version}, for budget.md
 * @param training           the training job's shape
 * @param quota              the judge's Bedrock quota as entered
 * @param targetStepSeconds  how long the reward of one step may take ({@code --target-step-seconds})
 * @param latency            time per judge call
 * @param handlerConcurrency judge calls one invocation keeps in flight, when fixed by {@code --concurrency};
 *                           empty = derived by the planner
 * @param usage              tokens per call, measured or estimated
 * @param prices             the price table
 * @param eventSize          bytes per sample in the Lambda event, measured on the workspace's samples
 */
public record BudgetInputs(String modelId, String rubricLabel, TrainingShape training, JudgeQuota quota,
                           double targetStepSeconds, JudgeLatency latency, OptionalInt handlerConcurrency,
                           JudgeUsage usage, PriceTable prices, EventSize eventSize) {

    public static final int DEFAULT_TARGET_STEP_SECONDS = 60;
    public static final int MAX_HANDLER_CONCURRENCY = 1024;

    /** Inputs without a measured event size (no samples to measure). */
    public BudgetInputs(String modelId, String rubricLabel, TrainingShape training, JudgeQuota quota,
                        double targetStepSeconds, JudgeLatency latency, OptionalInt handlerConcurrency,
                        JudgeUsage usage, PriceTable prices) {
        this(modelId, rubricLabel, training, quota, targetStepSeconds, latency, handlerConcurrency, usage, prices,
                EventSize.UNMEASURED);
    }

    public BudgetInputs {
        Objects.requireNonNull(modelId, "modelId");
        rubricLabel = rubricLabel == null ? "" : rubricLabel;
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(handlerConcurrency, "handlerConcurrency");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(eventSize, "eventSize");
        if (!Double.isFinite(targetStepSeconds) || targetStepSeconds <= 0) {
            throw new IllegalArgumentException("--target-step-seconds must be more than 0, was " + targetStepSeconds);
        }
        if (handlerConcurrency.isPresent() && (handlerConcurrency.getAsInt() < 1
                || handlerConcurrency.getAsInt() > MAX_HANDLER_CONCURRENCY)) {
            throw new IllegalArgumentException("--concurrency must be 1.." + MAX_HANDLER_CONCURRENCY + ", was "
                    + handlerConcurrency.getAsInt());
        }
    }
}
