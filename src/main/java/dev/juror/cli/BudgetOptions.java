package dev.juror.cli;

import dev.juror.workspace.BudgetSettings;
import dev.juror.workspace.ExportDefaults;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/**
 * The reward budget options shared by {@code juror budget} and {@code juror export lambda}; their
 * defaults are {@link ExportDefaults}, the same as the export screen's.
 */
public final class BudgetOptions {

    @Option(names = "--judge-rpm", paramLabel = "N", defaultValue = "" + ExportDefaults.JUDGE_RPM,
            description = "the judge model's Bedrock quota, requests per minute (default: ${DEFAULT-VALUE}; "
                    + "enter your account's value from Service Quotas)")
    int judgeRpm;

    @Option(names = "--judge-tpm", paramLabel = "N", defaultValue = "" + ExportDefaults.JUDGE_TPM,
            description = "the judge model's token quota per minute (default: 0 = not given)")
    long judgeTpm;

    @Option(names = "--judge-latency-ms", paramLabel = "MS",
            description = "time per judge call (default: the mean measured in the workspace's judge runs, else 5000)")
    Integer judgeLatency;

    @Option(names = "--target-step-seconds", paramLabel = "S",
            defaultValue = "" + ExportDefaults.TARGET_STEP_SECONDS,
            description = "how long the reward of one training step may take (default: ${DEFAULT-VALUE})")
    double targetStepSeconds;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ExportDefaults.SAMPLES_PER_INVOCATION,
            description = "samples per Lambda invocation, lambda_batch_size (default: ${DEFAULT-VALUE}; "
                    + "1 if your trainer sends one sample per invocation)")
    int batchSize;

    @Option(names = "--prompts-per-step", paramLabel = "N", defaultValue = "" + ExportDefaults.PROMPTS_PER_STEP,
            description = "global_batch_size (default: ${DEFAULT-VALUE})")
    int promptsPerStep;

    @Option(names = "--rollouts", paramLabel = "N", defaultValue = "" + ExportDefaults.ROLLOUTS_PER_PROMPT,
            description = "number_generation, responses per prompt (default: ${DEFAULT-VALUE})")
    int rollouts;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + ExportDefaults.STEPS,
            description = "max_steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "judge calls in flight per invocation (default: derived by the budget planner)")
    Integer concurrency;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "price table to use instead of the workspace's prices.yaml")
    Path prices;

    BudgetSettings settings() {
        return new BudgetSettings(promptsPerStep, rollouts, steps, batchSize, judgeRpm, judgeTpm,
                judgeLatency == null ? OptionalInt.empty() : OptionalInt.of(judgeLatency), targetStepSeconds,
                concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency), Optional.ofNullable(prices));
    }
}
