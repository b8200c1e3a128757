package dev.juror.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The plan as JSON ({@code juror budget --json}); the same figures as budget.md, unrounded. */
public final class BudgetJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BudgetJson() {
    }

    public static ObjectNode of(BudgetPlan p) {
        BudgetInputs in = p.inputs();
        ObjectNode o = JSON.createObjectNode();
        o.put("model", in.modelId());
        o.put("rubric", in.rubricLabel());

        ObjectNode inputs = o.putObject("inputs");
        inputs.put("prompts_per_step", in.training().promptsPerStep());
        inputs.put("rollouts_per_prompt", in.training().rolloutsPerPrompt());
        inputs.put("steps", in.training().steps());
        inputs.put("samples_per_invocation", in.training().samplesPerInvocation());
        inputs.put("target_step_seconds", in.targetStepSeconds());
        inputs.put("judge_rpm", in.quota().requestsPerMinute());
        inputs.put("judge_tpm", in.quota().tokensPerMinute());
        inputs.put("latency_ms", in.latency().millis());
        inputs.put("latency_origin", in.latency().origin());
        if (in.handlerConcurrency().isPresent()) {
            inputs.put("concurrency", in.handlerConcurrency().getAsInt());
        } else {
            inputs.putNull("concurrency");
        }

        JudgeUsage u = in.usage();
        ObjectNode tokens = o.putObject("tokens");
        tokens.put("source", u.measured() ? "measured" : "estimated");
        tokens.put("results", u.results());
        tokens.put("runs", u.runs());
        tokens.put("ok_without_tokens", u.okWithoutTokens());
        tokens.put("description", u.description());
        ObjectNode perCall = tokens.putObject("per_call");
        dist(perCall, "input", u.input());
        dist(perCall, "output", u.output());
        dist(perCall, "cache_read", u.cacheRead());
        dist(perCall, "cache_write", u.cacheWrite());
        tokens.put("tokens_per_call", u.tokensPerCall());
        tokens.put("cached_share", u.cachedShare());

        ObjectNode calls = o.putObject("calls");
        calls.put("per_step", p.callsPerStep());
        calls.put("for_run", p.callsForRun());
        calls.put("invocations_per_step", p.invocationsPerStep());

        ObjectNode cost = o.putObject("cost");
        cost.put("currency", in.prices().currency());
        cost.put("price_source", in.prices().source());
        p.price().ifPresentOrElse(m -> {
            cost.put("price_entry", m.key());
            cost.put("example_prices", m.example());
        }, () -> cost.putNull("price_entry"));
        cost(cost.putObject("with_caching"), p.costWithCaching());
        cost(cost.putObject("without_caching"), p.costWithoutCaching());

        ObjectNode rate = o.putObject("rate");
        rate.put("required_requests_per_minute", p.requiredRequestsPerMinute());
        rate.put("required_tokens_per_minute", p.requiredTokensPerMinute());
        rate.put("quota_requests_per_minute", p.quotaRequestsPerMinute());
        rate.put("token_quota_binds", p.tokenQuotaBinds());
        rate.put("meets_target", p.quotaMeetsTarget());

        ObjectNode payload = o.putObject("payload");
        payload.put("limit_bytes", BudgetPlan.LAMBDA_PAYLOAD_LIMIT_BYTES);
        payload.put("headroom", BudgetPlan.PAYLOAD_HEADROOM);
        payload.put("budget_bytes", BudgetPlan.payloadBudgetBytes());
        payload.put("measured", in.eventSize().measured());
        payload.put("samples_measured", in.eventSize().samplesMeasured());
        payload.put("max_event_bytes_per_sample", in.eventSize().maxBytesPerSample());
        payload.put("largest_sample", in.eventSize().largestSampleId());
        if (p.samplesFittingPayload().isPresent()) {
            payload.put("samples_fitting", p.samplesFittingPayload().getAsLong());
        } else {
            payload.putNull("samples_fitting");
        }
        payload.put("requested_batch_size", in.training().samplesPerInvocation());
        payload.put("lambda_batch_size", p.lambdaBatchSize());
        payload.put("event_bytes_per_invocation", p.eventBytesPerInvocation());

        ObjectNode conc = o.putObject("concurrency");
        conc.put("required_in_flight", p.requiredInFlight());
        conc.put("quota_in_flight", p.quotaInFlight());
        conc.put("planned_in_flight", p.plannedInFlight());
        conc.put("lambda_concurrency_limit", p.lambdaConcurrencyLimit());
        conc.put("calls_in_flight_per_invocation", p.callsInFlightPerInvocation());
        conc.put("handler_concurrency", p.handlerConcurrency());
        conc.put("judge_calls_in_flight", p.judgeCallsInFlight());

        ObjectNode time = o.putObject("time");
        time.put("invocation_seconds", p.invocationSeconds());
        time.put("step_seconds", p.estimatedStepSeconds());
        time.put("run_hours", p.estimatedRunHours());

        p.warnings().forEach(o.putArray("warnings")::add);
        return o;
    }

    private static void dist(ObjectNode parent, String name, TokenDistribution d) {
        ObjectNode n = parent.putObject(name);
        n.put("mean", d.mean());
        n.put("p90", d.p90());
    }

    private static void cost(ObjectNode n, Cost c) {
        switch (c) {
            case Cost.Known k -> {
                n.put("per_call", k.perCall());
                n.put("per_step", k.perStep());
                n.put("for_run", k.perRun());
            }
            case Cost.Unknown u -> n.put("unknown", u.reason());
        }
    }
}
