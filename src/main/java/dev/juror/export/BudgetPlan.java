package dev.juror.export;

import java.util.Locale;

/**
 * Reward budget planner: from the judge quota and the training shape, how many judge calls a step
 * makes, how long the judge needs for them, and the {@code lambda_concurrency_limit} the quota can
 * carry. Plain arithmetic, written out in {@code budget.md} so every number can be checked.
 *
 * @param judgeRequestsPerMinute Bedrock quota for the judge model (requests per minute)
 * @param judgeTokensPerMinute   Bedrock token quota (0 = not given)
 * @param judgeLatencyMillis     typical judge call latency
 * @param inputTokensPerCall     estimated prompt tokens per judge call
 * @param outputTokensPerCall    estimated answer tokens per judge call
 * @param lambdaConcurrency      judge calls one Lambda invocation keeps in flight (the handler's cap)
 * @param samplesPerInvocation   samples per Lambda invocation ({@code lambda_batch_size})
 * @param promptsPerStep         prompts per training step ({@code global_batch_size})
 * @param rolloutsPerPrompt      responses per prompt ({@code number_generation})
 * @param steps                  training steps ({@code max_steps})
 */
public record BudgetPlan(int judgeRequestsPerMinute, long judgeTokensPerMinute, int judgeLatencyMillis,
                         int inputTokensPerCall, int outputTokensPerCall, int lambdaConcurrency,
                         int samplesPerInvocation, int promptsPerStep, int rolloutsPerPrompt, int steps) {

    public BudgetPlan {
        if (judgeRequestsPerMinute < 1 || judgeLatencyMillis < 1 || lambdaConcurrency < 1 || samplesPerInvocation < 1
                || promptsPerStep < 1 || rolloutsPerPrompt < 1 || steps < 1 || judgeTokensPerMinute < 0
                || inputTokensPerCall < 0 || outputTokensPerCall < 0) {
            throw new IllegalArgumentException("budget inputs must be positive (tokens per minute may be 0 = unknown)");
        }
    }

    public long callsPerStep() {
        return (long) promptsPerStep * rolloutsPerPrompt;
    }

    /** Requests per minute the quota allows, lowered by the token quota when one is given. */
    public double effectiveRequestsPerMinute() {
        double rpm = judgeRequestsPerMinute;
        long tokensPerCall = (long) inputTokensPerCall + outputTokensPerCall;
        if (judgeTokensPerMinute > 0 && tokensPerCall > 0) {
            rpm = Math.min(rpm, (double) judgeTokensPerMinute / tokensPerCall);
        }
        return rpm;
    }

    /** Judge calls that can be in flight at once within the quota (Little's law: rate x latency). */
    public double sustainableInFlight() {
        return effectiveRequestsPerMinute() / 60.0 * judgeLatencyMillis / 1000.0;
    }

    /** Lambda invocations the quota keeps busy: in-flight calls / calls one invocation holds, at least 1. */
    public int lambdaConcurrencyLimit() {
        int perInvocation = Math.min(lambdaConcurrency, samplesPerInvocation);
        return Math.max(1, (int) Math.floor(sustainableInFlight() / perInvocation));
    }

    /** Minutes of judge time per training step at the quota. */
    public double judgeMinutesPerStep() {
        return callsPerStep() / effectiveRequestsPerMinute();
    }

    public String markdown(String modelId, boolean unvalidated) {
        StringBuilder md = new StringBuilder();
        if (unvalidated) {
            md.append("> **UNVALIDATED**: this judge has no VALIDATED verdict for this rubric version.\n\n");
        }
        md.append("# Reward budget\n\n");
        md.append("Judge `").append(modelId).append("`. Every number below follows from the inputs; change them with the "
                + "`juror export lambda` options and export again.\n\n");
        md.append("| input | value |\n|---|---|\n");
        row(md, "judge quota, requests per minute (`--judge-rpm`)", judgeRequestsPerMinute);
        row(md, "judge quota, tokens per minute (`--judge-tpm`, 0 = not given)", judgeTokensPerMinute);
        row(md, "judge latency, ms (`--judge-latency-ms`)", judgeLatencyMillis);
        row(md, "estimated input tokens per call (rendered prompt / 4)", inputTokensPerCall);
        row(md, "estimated output tokens per call", outputTokensPerCall);
        row(md, "judge calls in flight per invocation (`--concurrency`)", lambdaConcurrency);
        row(md, "samples per invocation (`lambda_batch_size`, `--batch-size`)", samplesPerInvocation);
        row(md, "prompts per step (`global_batch_size`, `--prompts-per-step`)", promptsPerStep);
        row(md, "rollouts per prompt (`number_generation`, `--rollouts`)", rolloutsPerPrompt);
        row(md, "steps (`max_steps`, `--steps`)", steps);
        md.append("\n| result | value | how |\n|---|---|---|\n");
        md.append("| judge calls per step | ").append(callsPerStep()).append(" | prompts x rollouts |\n");
        md.append("| judge calls in total | ").append(callsPerStep() * steps).append(" | per step x steps |\n");
        md.append("| usable requests per minute | ").append(fmt(effectiveRequestsPerMinute()))
                .append(" | request quota, capped by token quota / tokens per call |\n");
        md.append("| judge calls in flight within quota | ").append(fmt(sustainableInFlight()))
                .append(" | requests per second x latency in seconds |\n");
        md.append("| **lambda_concurrency_limit** | **").append(lambdaConcurrencyLimit())
                .append("** | in flight / min(concurrency, samples per invocation), at least 1 |\n");
        md.append("| judge minutes per step (lower bound) | ").append(fmt(judgeMinutesPerStep()))
                .append(" | calls per step / usable requests per minute |\n");
        md.append("| judge hours for the run (lower bound) | ").append(fmt(judgeMinutesPerStep() * steps / 60))
                .append(" | |\n");
        md.append("| input tokens for the run | ").append(callsPerStep() * steps * inputTokensPerCall)
                .append(" | calls x input tokens (before prompt caching) |\n");
        md.append("| output tokens for the run | ").append(callsPerStep() * steps * outputTokensPerCall).append(" | |\n");
        md.append("\nDeterministic checks that floor a rollout skip its judge call, so real usage is lower. A higher "
                + "`lambda_concurrency_limit` than the quota carries only turns into throttling, which the handler "
                + "absorbs with back-off until its deadline and then answers with the neutral reward.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, long value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
