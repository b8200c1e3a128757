package dev.juror.cli;

import dev.juror.export.BudgetInputs;
import java.nio.file.Path;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** The reward budget options shared by {@code juror budget} and {@code juror export lambda}. */
public final class BudgetOptions {

    @Option(names = "--judge-rpm", paramLabel = "N", defaultValue = "500",
            description = "the judge model's Bedrock quota, requests per minute (default: ${DEFAULT-VALUE}; "
                    + "enter your account's value from Service Quotas)")
    int judgeRpm;

    @Option(names = "--judge-tpm", paramLabel = "N", defaultValue = "0",
            description = "the judge model's token quota per minute (default: 0 = not given)")
    long judgeTpm;

    @Option(names = "--judge-latency-ms", paramLabel = "MS",
            description = "time per judge call (default: the mean measured in the workspace's judge runs, else 5000)")
    Integer judgeLatency;

    @Option(names = "--target-step-seconds", paramLabel = "S",
            defaultValue = "" + BudgetInputs.DEFAULT_TARGET_STEP_SECONDS,
            description = "how long the reward of one training step may take (default: ${DEFAULT-VALUE})")
    double targetStepSeconds;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128",
            description = "samples per Lambda invocation, lambda_batch_size (default: ${DEFAULT-VALUE}; "
                    + "1 if your trainer sends one sample per invocation)")
    int batchSize;

    @Option(names = "--prompts-per-step", paramLabel = "N", defaultValue = "64",
            description = "global_batch_size (default: ${DEFAULT-VALUE})")
    int promptsPerStep;

    @Option(names = "--rollouts", paramLabel = "N", defaultValue = "8",
            description = "number_generation, responses per prompt (default: ${DEFAULT-VALUE})")
    int rollouts;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "516", description = "max_steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "judge calls in flight per invocation (default: derived by the budget planner)")
    Integer concurrency;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "price table to use instead of the workspace's prices.yaml")
    Path prices;

    OptionalInt latencyMillis() {
        return judgeLatency == null ? OptionalInt.empty() : OptionalInt.of(judgeLatency);
    }

    OptionalInt concurrency() {
        return concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency);
    }
}
