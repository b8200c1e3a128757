package dev.juror.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reward budget planner: judge calls, tokens and cost of a training job, the Bedrock rate its reward
 * needs to stay under a target time per step, and the Lambda concurrency that delivers that rate
 * without exceeding the quota. Plain arithmetic; every formula is written out in {@code budget.md}
 * (see {@link BudgetMarkdown}) and in docs/export.md, so every number can be checked by hand.
 *
 * <p>Symbols: R rollouts per step (= prompts x rollouts per prompt), C judge calls per step (= R: one
 * call per rollout; a rollout floored by a deterministic check costs none, so C is an upper bound),
 * B samples per invocation, I = ceil(R / B) invocations per step, T target seconds per step,
 * L mean seconds per judge call.
 */
public record BudgetPlan(BudgetInputs inputs) {

    /** Seconds the Lambda may run (the exported template's timeout). */
    public static final int LAMBDA_TIMEOUT_SECONDS = 900;
    /** The handler stops waiting this long before the timeout (docs/lambda.md, {@code deadline_margin_ms}). */
    public static final int HANDLER_DEADLINE_MARGIN_SECONDS = 10;

    /**
     * The synchronous Lambda invoke limit on the request (the event); the answer, a score per sample,
     * is small. AWS states it as 6 MB and refuses larger requests at 6,291,456 bytes.
     */
    public static final long LAMBDA_PAYLOAD_LIMIT_BYTES = 6L * 1024 * 1024;
    /** Share of the limit a plan may fill: training rollouts run longer than the workspace's, and the trainer adds fields. */
    public static final double PAYLOAD_HEADROOM = 0.8;

    /** Float noise must not push an exact quotient to the next integer. */
    private static final double EPS = 1e-9;

    /**
     * @throws IllegalArgumentException when one sample alone is larger than the payload budget: every
     *                                  invocation holding it would fail before the handler runs
     */
    public BudgetPlan {
        java.util.Objects.requireNonNull(inputs, "inputs");
        EventSize size = inputs.eventSize();
        if (size.measured() && size.maxBytesPerSample() > payloadBudgetBytes()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "sample %s is %s bytes as a Lambda event,"
                    + " more than the %s bytes (%d %% of the 6 MB synchronous invoke limit) one invocation may carry:"
                    + " every invocation holding it would fail before the reward handler runs; shorten its documents"
                    + " (target, reference, system prompt) or leave it out of the training data",
                    size.largestSampleId(), num(size.maxBytesPerSample()), num(payloadBudgetBytes()),
                    Math.round(PAYLOAD_HEADROOM * 100)));
        }
    }

    // ---- Lambda payload

    /** floor(6 MB x headroom): the event bytes one invocation may hold. */
    public static long payloadBudgetBytes() {
        return (long) Math.floor(LAMBDA_PAYLOAD_LIMIT_BYTES * PAYLOAD_HEADROOM);
    }

    /** floor(payload budget / largest event sample): samples that fit in one event; empty when nothing was measured. */
    public java.util.OptionalLong samplesFittingPayload() {
        EventSize size = inputs.eventSize();
        return size.measured() && size.maxBytesPerSample() > 0
                ? java.util.OptionalLong.of(payloadBudgetBytes() / size.maxBytesPerSample())
                : java.util.OptionalLong.empty();
    }

    /**
     * B = min(requested {@code lambda_batch_size}, samples fitting the payload): what
     * training-overrides.json sets and what the rest of the plan uses.
     */
    public int lambdaBatchSize() {
        int requested = inputs.training().samplesPerInvocation();
        return (int) Math.max(1, Math.min(requested, samplesFittingPayload().orElse(requested)));
    }

    /** Whether the payload limit lowered the requested batch size. */
    public boolean batchSizeLoweredByPayload() {
        return lambdaBatchSize() < inputs.training().samplesPerInvocation();
    }

    /** B x largest event sample: the largest event this plan sends (0 when nothing was measured). */
    public long eventBytesPerInvocation() {
        return (long) lambdaBatchSize() * inputs.eventSize().maxBytesPerSample();
    }

    // ---- calls and invocations

    public long rolloutsPerStep() {
        return inputs.training().rolloutsPerStep();
    }

    public long callsPerStep() {
        return rolloutsPerStep();
    }

    public long callsForRun() {
        return callsPerStep() * inputs.training().steps();
    }

    /** I = ceil(R / B). */
    public long invocationsPerStep() {
        return ceilDiv(rolloutsPerStep(), lambdaBatchSize());
    }

    /** B' = min(B, R): the samples of the largest invocation. */
    public long samplesInLargestInvocation() {
        return Math.min(lambdaBatchSize(), rolloutsPerStep());
    }

    // ---- rate needed vs. quota

    /** C / T x 60: the judge calls per minute that finish a step's reward in T. */
    public double requiredRequestsPerMinute() {
        return callsPerStep() / inputs.targetStepSeconds() * 60.0;
    }

    /** Required requests per minute x tokens per call (all kinds, cached included). */
    public double requiredTokensPerMinute() {
        return requiredRequestsPerMinute() * inputs.usage().tokensPerCall();
    }

    /** min(request quota, token quota / tokens per call): the judge calls per minute the quota admits. */
    public double quotaRequestsPerMinute() {
        double rpm = inputs.quota().requestsPerMinute();
        if (tokenQuotaBinds()) {
            rpm = inputs.quota().tokensPerMinute() / inputs.usage().tokensPerCall();
        }
        return rpm;
    }

    /** Whether the token quota, not the request quota, limits the rate. */
    public boolean tokenQuotaBinds() {
        long tpm = inputs.quota().tokensPerMinute();
        double perCall = inputs.usage().tokensPerCall();
        return tpm > 0 && perCall > 0 && tpm / perCall < inputs.quota().requestsPerMinute();
    }

    public boolean latencyExceedsTarget() {
        return inputs.latency().seconds() > inputs.targetStepSeconds();
    }

    /** The quota admits the required rate and a single call fits in the target. */
    public boolean quotaMeetsTarget() {
        return !latencyExceedsTarget() && quotaRequestsPerMinute() + EPS >= requiredRequestsPerMinute();
    }

    // ---- concurrency (Little's law: calls in flight = call rate x time per call)

    /** ceil(C x L / T), at most C: judge calls that must be in flight to finish in T. */
    public long requiredInFlight() {
        double n = callsPerStep() * inputs.latency().seconds() / inputs.targetStepSeconds();
        return Math.max(1, Math.min(callsPerStep(), ceil(n)));
    }

    /** Quota requests per second x L: judge calls in flight the quota keeps busy without throttling. */
    public double quotaInFlight() {
        return quotaRequestsPerMinute() / 60.0 * inputs.latency().seconds();
    }

    /** min(required, floor(quota in flight)), at least 1: what the plan aims for. */
    public long plannedInFlight() {
        return Math.max(1, Math.min(requiredInFlight(), floor(quotaInFlight())));
    }

    /** The trainer's {@code lambda_concurrency_limit}: invocations running at once. */
    public int lambdaConcurrencyLimit() {
        return concurrency().limit();
    }

    /** Judge calls one invocation keeps in flight: the handler's {@code concurrency} in juror-reward.json. */
    public int callsInFlightPerInvocation() {
        return concurrency().perInvocation();
    }

    /** The handler concurrency to write into the bundle: {@code --concurrency} when given, else the derived one. */
    public int handlerConcurrency() {
        return inputs.handlerConcurrency().orElse(callsInFlightPerInvocation());
    }

    /** limit x calls per invocation: judge calls in flight at the busiest moment. */
    public long judgeCallsInFlight() {
        return (long) lambdaConcurrencyLimit() * callsInFlightPerInvocation();
    }

    record Concurrency(int limit, int perInvocation) {
    }

    /**
     * Without {@code --concurrency}: limit = min(I, N), per invocation k = ceil(N / limit) (never more than
     * B', since N <= C <= I x B'). With {@code --concurrency c}: k = min(c, B'), limit = ceil(N / k) capped at I.
     * Rounding up may exceed what the quota carries; then the other factor is rounded down instead.
     */
    Concurrency concurrency() {
        long n = plannedInFlight();
        long invocations = invocationsPerStep();
        long carried = Math.max(1, floor(quotaInFlight()));
        long limit;
        long k;
        if (inputs.handlerConcurrency().isPresent()) {
            k = Math.min(inputs.handlerConcurrency().getAsInt(), samplesInLargestInvocation());
            limit = Math.min(invocations, ceilDiv(n, k));
            if (limit > 1 && limit * k > carried) {
                limit = Math.max(1, carried / k);
            }
        } else {
            limit = Math.min(invocations, n);
            k = ceilDiv(n, limit);
            if (k > 1 && limit * k > carried) {
                k = Math.max(1, carried / limit);
            }
        }
        return new Concurrency((int) limit, (int) k);
    }

    // ---- time

    /** ceil(B' / k) x L: one invocation's judge time, its samples in waves of k calls. */
    public double invocationSeconds() {
        return ceilDiv(samplesInLargestInvocation(), callsInFlightPerInvocation()) * inputs.latency().seconds();
    }

    /**
     * max(ceil(I / limit) x invocation seconds, C / quota rpm x 60): the reward's wall time per step
     * when every call takes the mean latency; the second term holds when rounding left more in flight
     * than the quota carries.
     */
    public double estimatedStepSeconds() {
        double waves = ceilDiv(invocationsPerStep(), lambdaConcurrencyLimit()) * invocationSeconds();
        double rateBound = callsPerStep() / quotaRequestsPerMinute() * 60.0;
        return Math.max(waves, rateBound);
    }

    public double estimatedRunHours() {
        return estimatedStepSeconds() * inputs.training().steps() / 3600.0;
    }

    public boolean invocationRisksTimeout() {
        return invocationSeconds() > LAMBDA_TIMEOUT_SECONDS - HANDLER_DEADLINE_MARGIN_SECONDS;
    }

    // ---- tokens and cost

    /** Mean tokens of one kind per step (mean per call x C). */
    public double perStep(TokenDistribution d) {
        return d.mean() * callsPerStep();
    }

    public double perRun(TokenDistribution d) {
        return d.mean() * callsForRun();
    }

    public Optional<ModelPrice> price() {
        return inputs.prices().find(inputs.modelId());
    }

    /**
     * (input x p_in + cache read x p_read + cache write x p_write + output x p_out) / 1000 per call, with
     * the measured token means; cache prices are needed only when cache tokens were measured.
     */
    public Cost costWithCaching() {
        JudgeUsage u = inputs.usage();
        Optional<ModelPrice> p = price();
        if (p.isEmpty()) {
            return unknownModel();
        }
        List<String> missing = new ArrayList<>();
        double perCall = TokenPrice.of(u.input().mean(), p.get().inputPer1k(), "input_per_1k", missing)
                + TokenPrice.of(u.output().mean(), p.get().outputPer1k(), "output_per_1k", missing)
                + TokenPrice.of(u.cacheRead().mean(), p.get().cacheReadPer1k(), "cache_read_per_1k", missing)
                + TokenPrice.of(u.cacheWrite().mean(), p.get().cacheWritePer1k(), "cache_write_per_1k", missing);
        return known(perCall, missing, p.get());
    }

    /** (prompt tokens x p_in + output x p_out) / 1000 per call: every prompt token at the full input price. */
    public Cost costWithoutCaching() {
        JudgeUsage u = inputs.usage();
        Optional<ModelPrice> p = price();
        if (p.isEmpty()) {
            return unknownModel();
        }
        List<String> missing = new ArrayList<>();
        double perCall = TokenPrice.of(u.promptTokensPerCall(), p.get().inputPer1k(), "input_per_1k", missing)
                + TokenPrice.of(u.output().mean(), p.get().outputPer1k(), "output_per_1k", missing);
        return known(perCall, missing, p.get());
    }

    private Cost unknownModel() {
        return new Cost.Unknown("unknown: add the model " + inputs.modelId() + " to " + inputs.prices().source()
                + " (prices per 1,000 tokens; see docs/export.md)");
    }

    private Cost known(double perCall, List<String> missing, ModelPrice p) {
        if (!missing.isEmpty()) {
            return new Cost.Unknown("unknown: the entry \"" + p.key() + "\" in " + inputs.prices().source()
                    + " has no " + String.join(", ", missing) + "; fill in the price per 1,000 tokens");
        }
        return new Cost.Known(perCall, perCall * callsPerStep(), perCall * callsForRun(), p.example());
    }


    // ---- warnings and rendering

    /** Everything the engineer should act on before the job starts, one line each. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!inputs.usage().measured()) {
            w.add("Token counts are ESTIMATED, not measured: the workspace has no ok judge result with token counts "
                    + "for this rubric version and judge model. Run the judge with this model on a few samples "
                    + "(juror judge) and plan again.");
        }
        if (latencyExceedsTarget()) {
            w.add(String.format(Locale.ROOT, "One judge call takes %.1f s on average, longer than the target of %s s "
                    + "per step: no concurrency meets the target. Raise --target-step-seconds.",
                    inputs.latency().seconds(), num(inputs.targetStepSeconds())));
        } else if (!quotaMeetsTarget()) {
            w.add(String.format(Locale.ROOT, "The quota cannot meet the target of %s s per step: it needs %s requests "
                    + "and %s tokens per minute, the quota admits %s requests per minute%s. Expect about %s s per "
                    + "step. Request a quota increase (Service Quotas, Amazon Bedrock), raise --target-step-seconds, "
                    + "or lower prompts per step or rollouts.", num(inputs.targetStepSeconds()),
                    num(requiredRequestsPerMinute()), num(requiredTokensPerMinute()), num(quotaRequestsPerMinute()),
                    tokenQuotaBinds() ? " (limited by the token quota)" : "", num(estimatedStepSeconds())));
        }
        if (invocationRisksTimeout()) {
            w.add(String.format(Locale.ROOT, "One invocation needs about %s s of judge time, more than the Lambda "
                    + "timeout of %d s minus the handler's %d s margin: its late samples would get the neutral "
                    + "reward. Use more calls per invocation (--concurrency) or fewer samples per invocation.",
                    num(invocationSeconds()), LAMBDA_TIMEOUT_SECONDS, HANDLER_DEADLINE_MARGIN_SECONDS));
        }
        if (batchSizeLoweredByPayload()) {
            w.add(String.format(Locale.ROOT, "lambda_batch_size lowered from %d to %d: the largest sample (%s) is %s "
                    + "bytes as a Lambda event, and %d of them would exceed %s bytes (%d %% of the 6 MB synchronous "
                    + "invoke limit). Set lambda_batch_size %d in the recipe (training-overrides.json does).",
                    inputs.training().samplesPerInvocation(), lambdaBatchSize(), inputs.eventSize().largestSampleId(),
                    num(inputs.eventSize().maxBytesPerSample()), inputs.training().samplesPerInvocation(),
                    num(payloadBudgetBytes()), Math.round(PAYLOAD_HEADROOM * 100), lambdaBatchSize()));
        } else if (!inputs.eventSize().measured()) {
            w.add("No samples to measure the Lambda event size: lambda_batch_size " + lambdaBatchSize() + " is not "
                    + "checked against the 6 MB synchronous invoke limit. Import the training samples into the "
                    + "workspace (or pass --samples) and plan again.");
        }
        if (inputs.quota().tokensPerMinute() == 0) {
            w.add("No token quota given (--judge-tpm): only requests per minute were compared. Enter the model's "
                    + "tokens-per-minute quota too; for long judge prompts it is usually the tighter one.");
        }
        if (costWithCaching() instanceof Cost.Unknown u) {
            w.add("Cost " + u.reason());
        } else if (price().map(ModelPrice::example).orElse(false)) {
            w.add("Costs use EXAMPLE prices (entry \"" + price().get().key() + "\" has example: true in "
                    + inputs.prices().source() + "): check them against current Amazon Bedrock pricing and set "
                    + "example: false.");
        }
        return w;
    }

    public String markdown(boolean unvalidated) {
        return BudgetMarkdown.render(this, unvalidated);
    }

    static long ceil(double x) {
        return (long) Math.ceil(x - EPS);
    }

    static long floor(double x) {
        return (long) Math.floor(x + EPS);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Compact numbers for prose: integers without decimals, otherwise two. */
    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
