package dev.juror.workspace;

import dev.juror.export.BudgetInputs;
import dev.juror.export.LambdaBundleRequest;

/**
 * The one set of export defaults, shared by {@code juror export} / {@code juror budget} and the
 * workbench's export screen, so the same export from either gives the same bundle. They are the
 * command line's documented values (docs/export.md). Judge latency and handler concurrency have no
 * number here on purpose: left out, the latency is the mean measured in the workspace's judge runs
 * (else {@link dev.juror.export.JudgeLatency#ASSUMED_MILLIS}) and the concurrency is derived by the
 * budget planner.
 */
public final class ExportDefaults {

    /** Lambda memory, MB ({@code --memory}). */
    public static final int MEMORY_MB = 2048;
    /** Samples the Lambda bundle's {@code events/sample-event.json} is built from. */
    public static final int EVENT_SAMPLES = 20;
    public static final String FUNCTION_NAME = LambdaBundleRequest.DEFAULT_FUNCTION_NAME;
    /** Training rows written from a workspace: all of them ({@code --limit} caps it). */
    public static final int TRAINING_DATA_LIMIT = Integer.MAX_VALUE;

    /** {@code global_batch_size} ({@code --prompts-per-step}). */
    public static final int PROMPTS_PER_STEP = 64;
    /** {@code number_generation} ({@code --rollouts}). */
    public static final int ROLLOUTS_PER_PROMPT = 8;
    /** {@code max_steps} ({@code --steps}). */
    public static final int STEPS = 516;
    /** {@code lambda_batch_size} before the payload limit lowers it ({@code --batch-size}). */
    public static final int SAMPLES_PER_INVOCATION = 128;
    /** The judge model's Bedrock quota, requests per minute ({@code --judge-rpm}). */
    public static final int JUDGE_RPM = 500;
    /** Tokens per minute; 0 = not given ({@code --judge-tpm}). */
    public static final long JUDGE_TPM = 0;
    /** {@code --target-step-seconds}. */
    public static final int TARGET_STEP_SECONDS = BudgetInputs.DEFAULT_TARGET_STEP_SECONDS;

    private ExportDefaults() {
    }
}
