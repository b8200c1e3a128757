package dev.juror.workspace;

import dev.juror.export.BudgetInputs;
import dev.juror.export.BudgetPlan;
import dev.juror.export.JudgeLatency;
import dev.juror.export.JudgeQuota;
import dev.juror.export.TrainingShape;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the user tells the reward budget planner (the {@code juror budget} options, the export
 * screen's budget fields); everything else comes from the workspace ({@link BudgetContext}).
 *
 * @param judgeLatencyMs empty = the measured mean, else {@link JudgeLatency#ASSUMED_MILLIS}
 * @param concurrency    judge calls in flight per invocation; empty = derived by the planner
 * @param pricesFile     a price table instead of the workspace's {@code prices.yaml}
 */
public record BudgetSettings(int promptsPerStep, int rolloutsPerPrompt, int steps, int samplesPerInvocation,
                             int judgeRpm, long judgeTpm, OptionalInt judgeLatencyMs, double targetStepSeconds,
                             OptionalInt concurrency, Optional<Path> pricesFile) {

    public BudgetSettings {
        Objects.requireNonNull(judgeLatencyMs, "judgeLatencyMs");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(pricesFile, "pricesFile");
    }

    /** {@link ExportDefaults}: measured latency, derived concurrency, the workspace's prices. */
    public static BudgetSettings defaults() {
        return new BudgetSettings(ExportDefaults.PROMPTS_PER_STEP, ExportDefaults.ROLLOUTS_PER_PROMPT,
                ExportDefaults.STEPS, ExportDefaults.SAMPLES_PER_INVOCATION, ExportDefaults.JUDGE_RPM,
                ExportDefaults.JUDGE_TPM, OptionalInt.empty(), ExportDefaults.TARGET_STEP_SECONDS, OptionalInt.empty(),
                Optional.empty());
    }

    /**
     * The plan of these settings for the rubric and judge model.
     *
     * @throws IllegalArgumentException naming the setting out of range, or a sample too large for one event
     */
    public BudgetPlan plan(Rubric rubric, String model, BudgetContext context) {
        return plan(model, rubric.name() + " version " + CanonicalForm.version(rubric), context);
    }

    /** As {@link #plan(Rubric, String, BudgetContext)}, with the rubric already labelled {@code name version v}. */
    public BudgetPlan plan(String model, String rubricLabel, BudgetContext context) {
        return new BudgetPlan(new BudgetInputs(model, rubricLabel,
                new TrainingShape(promptsPerStep, rolloutsPerPrompt, steps, samplesPerInvocation),
                new JudgeQuota(judgeRpm, judgeTpm), targetStepSeconds,
                JudgeLatency.resolve(judgeLatencyMs, context.usage()), concurrency, context.usage(),
                context.prices().table(), context.eventSize()));
    }
}
