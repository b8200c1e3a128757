package dev.juror.export;

import static dev.juror.export.BudgetPlan.num;

import java.util.List;
import java.util.Locale;

/** budget.md: the plan with its inputs, its formulas and its warnings, readable without Juror. */
final class BudgetMarkdown {

    private BudgetMarkdown() {
    }

    static String render(BudgetPlan plan, boolean unvalidated) {
        BudgetInputs in = plan.inputs();
        StringBuilder md = new StringBuilder();
        if (unvalidated) {
            md.append("> **UNVALIDATED**: this judge has no VALIDATED verdict for this rubric version.\n\n");
        }
        md.append("# Reward budget\n\n");
        md.append("Judge `").append(in.modelId()).append("`");
        if (!in.rubricLabel().isEmpty()) {
            md.append(", rubric ").append(in.rubricLabel());
        }
        md.append(". Every number follows from the inputs below by the formulas shown; change an input with the "
                + "options of `juror budget` or `juror export lambda` and plan again.\n\n");
        List<String> warnings = plan.warnings();
        if (!warnings.isEmpty()) {
            md.append("## Warnings\n\n");
            warnings.forEach(w -> md.append("- **").append(w).append("**\n"));
            md.append('\n');
        }
        summary(md, plan);
        inputs(md, plan);
        payload(md, plan);
        tokens(md, plan);
        cost(md, plan);
        throughput(md, plan);
        meaning(md, plan);
        return md.toString();
    }

    private static void summary(StringBuilder md, BudgetPlan p) {
        BudgetInputs in = p.inputs();
        md.append("## Summary\n\n| | |\n|---|---|\n");
        row(md, "judge calls per step / for the run", num(p.callsPerStep()) + " / " + num(p.callsForRun()));
        row(md, "cost per step, with prompt caching", money(p.costWithCaching(), Scope.STEP, in));
        row(md, "cost for the run, with / without prompt caching", money(p.costWithCaching(), Scope.RUN, in) + " / "
                + money(p.costWithoutCaching(), Scope.RUN, in));
        row(md, "needed to finish a step's reward in " + num(in.targetStepSeconds()) + " s",
                num(p.requiredRequestsPerMinute()) + " requests/min, " + num(p.requiredTokensPerMinute()) + " tokens/min");
        row(md, "the quota admits", num(p.quotaRequestsPerMinute()) + " requests/min"
                + (p.quotaMeetsTarget() ? " (meets the target)" : " (**does not meet the target**)"));
        row(md, "**`lambda_concurrency_limit`**", "**" + p.lambdaConcurrencyLimit() + "**");
        row(md, "**`lambda_batch_size`** (samples per invocation)", "**" + p.lambdaBatchSize() + "**"
                + (p.batchSizeLoweredByPayload() ? " (lowered by the 6 MB payload limit)" : ""));
        row(md, "Lambda event bytes per sample (largest) / per invocation", in.eventSize().measured()
                ? num(in.eventSize().maxBytesPerSample()) + " / " + num(p.eventBytesPerInvocation()) + " of "
                + num(BudgetPlan.payloadBudgetBytes()) + " allowed" : "not measured (no samples)");
        row(md, "judge calls in flight per invocation (handler `concurrency`)", String.valueOf(p.handlerConcurrency())
                + (in.handlerConcurrency().isPresent() ? " (`--concurrency`)" : " (derived)"));
        row(md, "estimated reward time per step / judge time for the run",
                num(p.estimatedStepSeconds()) + " s / " + num(p.estimatedRunHours()) + " h");
        md.append('\n');
    }

    private static void inputs(StringBuilder md, BudgetPlan p) {
        BudgetInputs in = p.inputs();
        TrainingShape t = in.training();
        md.append("## Inputs\n\n| input | value |\n|---|---|\n");
        row(md, "prompts per step (`global_batch_size`, `--prompts-per-step`)", num(t.promptsPerStep()));
        row(md, "rollouts per prompt (`number_generation`, `--rollouts`)", num(t.rolloutsPerPrompt()));
        row(md, "steps (`max_steps`, `--steps`)", num(t.steps()));
        row(md, "samples per Lambda invocation asked (`lambda_batch_size`, `--batch-size`)", num(t.samplesPerInvocation()));
        row(md, "target reward time per step T (`--target-step-seconds`)", num(in.targetStepSeconds()) + " s");
        row(md, "judge quota, requests per minute (`--judge-rpm`)", num(in.quota().requestsPerMinute()));
        row(md, "judge quota, tokens per minute (`--judge-tpm`)", in.quota().tokensPerMinute() == 0 ? "not given"
                : num(in.quota().tokensPerMinute()));
        row(md, "judge latency L", num(in.latency().millis()) + " ms (" + in.latency().origin() + ")");
        row(md, "judge calls in flight per invocation (`--concurrency`)", in.handlerConcurrency().isPresent()
                ? String.valueOf(in.handlerConcurrency().getAsInt()) : "derived (not given)");
        md.append('\n');
    }

    private static void payload(StringBuilder md, BudgetPlan p) {
        EventSize size = p.inputs().eventSize();
        md.append("## Lambda payload\n\n| | value | how |\n|---|---|---|\n");
        row3(md, "synchronous invoke limit (request)", num(BudgetPlan.LAMBDA_PAYLOAD_LIMIT_BYTES) + " bytes",
                "6 MB, AWS Lambda Invoke");
        row3(md, "payload budget", num(BudgetPlan.payloadBudgetBytes()) + " bytes",
                "floor(limit x " + BudgetPlan.PAYLOAD_HEADROOM + "), headroom for longer rollouts");
        if (size.measured()) {
            row3(md, "largest event sample", num(size.maxBytesPerSample()) + " bytes (" + size.largestSampleId() + ")",
                    "each of " + num(size.samplesMeasured()) + " samples serialised as the trainer sends it, per rollout");
            row3(md, "samples that fit one event", num(p.samplesFittingPayload().getAsLong()),
                    "floor(payload budget / largest event sample)");
        } else {
            row3(md, "largest event sample", "not measured", "no samples in the workspace or --samples");
        }
        row3(md, "**B, `lambda_batch_size`**", "**" + p.lambdaBatchSize() + "**",
                "min(asked " + p.inputs().training().samplesPerInvocation() + ", samples that fit)");
        md.append('\n');
    }

    private static void tokens(StringBuilder md, BudgetPlan p) {
        JudgeUsage u = p.inputs().usage();
        md.append("## Tokens per judge call\n\n");
        md.append(u.measured() ? "Source: " : "**Source: ").append(u.description()).append(u.measured() ? ".\n\n" : ".**\n\n");
        md.append("| kind | mean per call | p90 per call | per step (mean x C) | for the run |\n|---|---|---|---|---|\n");
        tokenRow(md, p, "input, not cached", u.input());
        tokenRow(md, p, "cache read", u.cacheRead());
        tokenRow(md, p, "cache write", u.cacheWrite());
        tokenRow(md, p, "output", u.output());
        md.append("| **all kinds** | ").append(num(Math.round(u.tokensPerCall()))).append(" | | ")
                .append(num(Math.round(u.tokensPerCall() * p.callsPerStep()))).append(" | ")
                .append(num(Math.round(u.tokensPerCall() * p.callsForRun()))).append(" |\n\n");
        md.append(String.format(Locale.ROOT, "Cached prefix share = cache read / (input + cache read + cache write) = "
                + "%.1f %%.", 100 * u.cachedShare()));
        if (u.cacheRead().mean() == 0) {
            md.append(" No cache reads in these figures: prompt caching saves nothing in this plan.");
        }
        if (u.measured()) {
            md.append(" p90 is the nearest-rank 90th percentile of the measured results.");
        }
        md.append("\n\n");
    }

    private static void tokenRow(StringBuilder md, BudgetPlan p, String kind, TokenDistribution d) {
        md.append("| ").append(kind).append(" | ").append(num(Math.round(d.mean()))).append(" | ")
                .append(num(Math.round(d.p90()))).append(" | ").append(num(Math.round(p.perStep(d)))).append(" | ")
                .append(num(Math.round(p.perRun(d)))).append(" |\n");
    }

    private static void cost(StringBuilder md, BudgetPlan p) {
        BudgetInputs in = p.inputs();
        md.append("## Cost\n\nPrices: ").append(in.prices().source()).append(", ").append(in.prices().currency())
                .append(" per 1,000 tokens");
        p.price().ifPresentOrElse(m -> {
            md.append(", entry `").append(m.key()).append("`");
            if (m.example()) {
                md.append(" (**example values**: check them against current Amazon Bedrock pricing)");
            }
        }, () -> md.append(", no entry for this model"));
        md.append(".\n\n| | per call | per step | for the run |\n|---|---|---|---|\n");
        costRow(md, "with prompt caching", p.costWithCaching(), in);
        costRow(md, "without prompt caching", p.costWithoutCaching(), in);
        md.append("\nWith caching, per call = (input x p_input + cache read x p_cache_read + cache write x "
                + "p_cache_write + output x p_output) / 1000, from the mean tokens above. Without caching, every "
                + "prompt token is paid at p_input. Per step = per call x C; for the run = per step x steps. Only "
                + "the judge's model calls are counted (not Lambda, logs or training compute).\n\n");
    }

    private static void costRow(StringBuilder md, String name, Cost c, BudgetInputs in) {
        if (c instanceof Cost.Unknown u) {
            md.append("| ").append(name).append(" | ").append(u.reason()).append(" | | |\n");
        } else {
            md.append("| ").append(name).append(" | ").append(amount(c, Scope.CALL, in)).append(" | ")
                    .append(amount(c, Scope.STEP, in)).append(" | ").append(amount(c, Scope.RUN, in)).append(" |\n");
        }
    }

    private static void throughput(StringBuilder md, BudgetPlan p) {
        BudgetInputs in = p.inputs();
        md.append("## Rate and concurrency\n\nR = rollouts per step, C = judge calls per step (one per rollout), "
                + "B = `lambda_batch_size` (see Lambda payload), B' = min(B, R), L = judge latency in seconds, T = target seconds per step.\n\n");
        md.append("| quantity | value | formula |\n|---|---|---|\n");
        row3(md, "C, judge calls per step", num(p.callsPerStep()), "prompts x rollouts per prompt");
        row3(md, "I, invocations per step", num(p.invocationsPerStep()), "ceil(R / B)");
        row3(md, "requests per minute needed", num(p.requiredRequestsPerMinute()), "C / T x 60");
        row3(md, "tokens per minute needed", num(p.requiredTokensPerMinute()),
                "requests per minute needed x tokens per call (all kinds)");
        row3(md, "requests per minute the quota admits", num(p.quotaRequestsPerMinute()),
                "min(rpm quota, tpm quota / tokens per call)" + (p.tokenQuotaBinds() ? ": the token quota binds" : ""));
        row3(md, "judge calls in flight needed", num(p.requiredInFlight()), "ceil(C x L / T), at most C (Little's law)");
        row3(md, "judge calls in flight the quota carries", num(p.quotaInFlight()),
                "quota requests per minute / 60 x L");
        row3(md, "N, judge calls in flight planned", num(p.plannedInFlight()),
                "min(needed, floor(carried)), at least 1");
        if (in.handlerConcurrency().isPresent()) {
            row3(md, "k, calls in flight per invocation", num(p.callsInFlightPerInvocation()), "min(--concurrency, B')");
            row3(md, "**lambda_concurrency_limit**", "**" + p.lambdaConcurrencyLimit() + "**",
                    "min(I, ceil(N / k)), lowered if limit x k exceeds what the quota carries");
        } else {
            row3(md, "**lambda_concurrency_limit**", "**" + p.lambdaConcurrencyLimit() + "**", "min(I, N)");
            row3(md, "k, calls in flight per invocation", num(p.callsInFlightPerInvocation()),
                    "ceil(N / limit), lowered if limit x k exceeds what the quota carries");
        }
        row3(md, "judge calls in flight at most", num(p.judgeCallsInFlight()), "limit x k");
        row3(md, "one invocation's judge time", num(p.invocationSeconds()) + " s", "ceil(B' / k) x L");
        row3(md, "reward time per step", num(p.estimatedStepSeconds()) + " s",
                "max(ceil(I / limit) x invocation time, C / quota requests per minute x 60)");
        row3(md, "judge time for the run", num(p.estimatedRunHours()) + " h", "reward time per step x steps / 3600");
        md.append('\n');
    }

    private static void meaning(StringBuilder md, BudgetPlan p) {
        md.append("## What the numbers mean\n\n");
        md.append("- `lambda_concurrency_limit` (training-overrides.json; recipe path "
                + "`training_config.rollout.rewards.api_endpoint.lambda_concurrency_limit`) caps how many reward "
                + "Lambda invocations the trainer runs at once. Each invocation scores its samples with at most k "
                + "judge calls in flight (the handler's `concurrency` in `juror-reward.json`), so the judge sees at "
                + "most limit x k calls at once. The plan picks limit and k so that this is the N calls in flight "
                + "that finish a step in T, but never more than the quota carries: beyond the quota, extra "
                + "concurrency only turns into throttling, which the handler absorbs with back-off until its "
                + "deadline and then answers with the neutral reward.\n");
        md.append("- The same N can be reached with few large invocations or many small ones: with "
                + "`lambda_batch_size` B the trainer makes I = ceil(R / B) invocations per step, and a limit above I "
                + "gains nothing. If your trainer sends one sample per invocation, plan with `--batch-size 1`: then "
                + "k = 1 and the limit is N itself.\n");
        md.append("- Reserve (or provision) at least `lambda_concurrency_limit` concurrent executions for the function, "
                + "and keep the account's Lambda concurrency above it.\n");
        md.append("- Judge calls per step are an upper bound: a rollout floored by a deterministic check (format, "
                + "injection, grounding) costs no judge call. Times assume every call takes the mean latency; "
                + "slow calls (see p90) lengthen a step.\n");
        md.append("- How a model's quota counts tokens (cache reads, output tokens at a multiple) differs between "
                + "models: the tokens-per-minute comparison counts every token once; check the model's quota "
                + "rules in the Amazon Bedrock documentation.\n");
    }

    enum Scope { CALL, STEP, RUN }

    /** The amount with currency, marked when it comes from example prices; "unknown" otherwise. */
    static String money(Cost c, Scope scope, BudgetInputs in) {
        if (c instanceof Cost.Known k) {
            return amount(c, scope, in) + (k.example() ? " (example prices)" : "");
        }
        return "unknown";
    }

    static String amount(Cost c, Scope scope, BudgetInputs in) {
        if (c instanceof Cost.Known k) {
            double v = switch (scope) {
                case CALL -> k.perCall();
                case STEP -> k.perStep();
                case RUN -> k.perRun();
            };
            String amount = v >= 1 ? String.format(Locale.ROOT, "%,.2f", v) : String.format(Locale.ROOT, "%.4f", v);
            return amount + " " + in.prices().currency();
        }
        return "unknown";
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void row3(StringBuilder md, String name, String value, String how) {
        md.append("| ").append(name).append(" | ").append(value).append(" | ").append(how).append(" |\n");
    }
}
