package dev.juror.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.BedrockJudgeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reward Lambda's configuration, read once at init from {@code juror-reward.json} inside the
 * package (written by {@code juror export lambda}). Every field is documented in docs/lambda.md.
 *
 * @param rubricYaml         the rubric, as YAML text (its {@code checks} section configures the checks)
 * @param rubricVersion      {@code CanonicalForm.version} of that rubric; checked at init
 * @param systemPrompt       the rendered judge system prompt; checked at init against a fresh rendering
 * @param judgeModelId       Bedrock model or inference-profile id of the judge
 * @param region             fallback Region when the runtime sets none ({@code AWS_REGION} wins)
 * @param neutralReward      reward on judge failure; empty = the rubric's {@code checks.neutral_reward}
 * @param concurrency        cap on judge calls in flight per execution environment
 * @param adaptiveLimiter    learn the quota (AIMD) below the cap instead of a fixed cap
 * @param apiCallTimeout     one Converse call, connection included
 * @param attemptTimeout     one HTTP attempt
 * @param deadlineMargin     stop waiting for judges this long before the Lambda's own timeout
 * @param maxEventTime       the event's time budget when the runtime gives none (local invoke)
 * @param retryMaxAttempts   judge attempts per sample
 * @param retryBaseDelay     first back-off window (full jitter, doubling)
 * @param retryMaxDelay      back-off cap
 * @param ruleActions        rule id to {@code floor} / {@code flag} / {@code report}, on top of the rubric
 * @param referenceOverlapWeight overrides the rubric's reference-overlap weight; empty = rubric
 * @param envelope           answer {@code {"statusCode":200,"body":"[...]"}} instead of a bare array
 * @param promptCache        {@code AUTO}, {@code ON} or {@code OFF}
 * @param unvalidated        the bundle was exported without a VALIDATED verdict (reported as a metric)
 */
public record LambdaConfig(String rubricYaml, String rubricVersion, String systemPrompt, String judgeModelId,
                           Optional<String> region, Optional<Double> neutralReward, int concurrency,
                           boolean adaptiveLimiter, Duration apiCallTimeout, Duration attemptTimeout,
                           Duration deadlineMargin, Duration maxEventTime, int retryMaxAttempts,
                           Duration retryBaseDelay, Duration retryMaxDelay, Map<String, String> ruleActions,
                           Optional<Double> referenceOverlapWeight, boolean envelope,
                           BedrockJudgeConfig.PromptCache promptCache, boolean unvalidated) {

    public static final String RESOURCE = "juror-reward.json";
    public static final String FORMAT = "juror-reward-lambda/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public LambdaConfig {
        Objects.requireNonNull(rubricYaml, "rubricYaml");
        Objects.requireNonNull(rubricVersion, "rubricVersion");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(judgeModelId, "judgeModelId");
        ruleActions = Map.copyOf(ruleActions);
        List<String> problems = new ArrayList<>();
        if (judgeModelId.isBlank()) {
            problems.add("judge.model_id must name the judge model");
        }
        if (concurrency < 1 || concurrency > 1024) {
            problems.add("concurrency must be 1..1024, was " + concurrency);
        }
        if (retryMaxAttempts < 1) {
            problems.add("retry.max_attempts must be at least 1, was " + retryMaxAttempts);
        }
        neutralReward.ifPresent(n -> {
            if (!(n >= 0 && n <= 1)) {
                problems.add("neutral_reward must be in [0, 1], was " + n);
            }
        });
        for (Duration d : List.of(apiCallTimeout, attemptTimeout, maxEventTime)) {
            if (d.isZero() || d.isNegative()) {
                problems.add("timeouts must be positive");
                break;
            }
        }
        if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            problems.add("retry.max_delay_ms is below retry.base_delay_ms");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": " + String.join("; ", problems));
        }
    }

    /** Defaults for a rubric: fixed cap 64, 60 s per call, 8 attempts, bare array output. */
    public static LambdaConfig defaults(String rubricYaml, String rubricVersion, String systemPrompt, String modelId) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, modelId, Optional.empty(), Optional.empty(), 64,
                false, Duration.ofSeconds(60), Duration.ofSeconds(55), Duration.ofSeconds(10), Duration.ofSeconds(840), 8,
                Duration.ofMillis(250), Duration.ofSeconds(20), Map.of(), Optional.empty(), false,
                BedrockJudgeConfig.PromptCache.AUTO, false);
    }

    public LambdaConfig withConcurrency(int cap) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward, cap,
                adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime, retryMaxAttempts,
                retryBaseDelay, retryMaxDelay, ruleActions, referenceOverlapWeight, envelope, promptCache, unvalidated);
    }

    public LambdaConfig withTimeouts(Duration apiCall, Duration attempt, Duration margin, Duration eventTime) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward,
                concurrency, adaptiveLimiter, apiCall, attempt, margin, eventTime, retryMaxAttempts, retryBaseDelay,
                retryMaxDelay, ruleActions, referenceOverlapWeight, envelope, promptCache, unvalidated);
    }

    public LambdaConfig withRetry(int attempts, Duration base, Duration max) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward,
                concurrency, adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime, attempts,
                base, max, ruleActions, referenceOverlapWeight, envelope, promptCache, unvalidated);
    }

    public LambdaConfig withEnvelope(boolean useEnvelope) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward,
                concurrency, adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime,
                retryMaxAttempts, retryBaseDelay, retryMaxDelay, ruleActions, referenceOverlapWeight, useEnvelope,
                promptCache, unvalidated);
    }

    public LambdaConfig withRegion(Optional<String> fallbackRegion) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, fallbackRegion, neutralReward,
                concurrency, adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime,
                retryMaxAttempts, retryBaseDelay, retryMaxDelay, ruleActions, referenceOverlapWeight, envelope,
                promptCache, unvalidated);
    }

    public LambdaConfig withNeutralReward(Optional<Double> neutral) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutral, concurrency,
                adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime, retryMaxAttempts,
                retryBaseDelay, retryMaxDelay, ruleActions, referenceOverlapWeight, envelope, promptCache, unvalidated);
    }

    public LambdaConfig withUnvalidated(boolean flag) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward,
                concurrency, adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime,
                retryMaxAttempts, retryBaseDelay, retryMaxDelay, ruleActions, referenceOverlapWeight, envelope,
                promptCache, flag);
    }

    public LambdaConfig withRuleActions(Map<String, String> actions) {
        return new LambdaConfig(rubricYaml, rubricVersion, systemPrompt, judgeModelId, region, neutralReward,
                concurrency, adaptiveLimiter, apiCallTimeout, attemptTimeout, deadlineMargin, maxEventTime,
                retryMaxAttempts, retryBaseDelay, retryMaxDelay, actions, referenceOverlapWeight, envelope, promptCache,
                unvalidated);
    }

    /** The JSON form written into the package. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("unvalidated", unvalidated);
        n.put("rubric_version", rubricVersion);
        ObjectNode judge = n.putObject("judge");
        judge.put("model_id", judgeModelId);
        region.ifPresentOrElse(r -> judge.put("region", r), () -> judge.putNull("region"));
        judge.put("prompt_cache", promptCache.name().toLowerCase(Locale.ROOT));
        neutralReward.ifPresentOrElse(v -> n.put("neutral_reward", v), () -> n.putNull("neutral_reward"));
        n.put("concurrency", concurrency);
        n.put("limiter", adaptiveLimiter ? "adaptive" : "fixed");
        ObjectNode t = n.putObject("timeouts");
        t.put("api_call_ms", apiCallTimeout.toMillis());
        t.put("attempt_ms", attemptTimeout.toMillis());
        t.put("deadline_margin_ms", deadlineMargin.toMillis());
        t.put("max_event_ms", maxEventTime.toMillis());
        ObjectNode r = n.putObject("retry");
        r.put("max_attempts", retryMaxAttempts);
        r.put("base_delay_ms", retryBaseDelay.toMillis());
        r.put("max_delay_ms", retryMaxDelay.toMillis());
        ObjectNode rules = n.putObject("rules");
        new java.util.TreeMap<>(ruleActions).forEach(rules::put);
        referenceOverlapWeight.ifPresentOrElse(w -> n.put("reference_overlap_weight", w),
                () -> n.putNull("reference_overlap_weight"));
        n.put("output", envelope ? "envelope" : "array");
        n.put("system_prompt", systemPrompt);
        n.put("rubric_yaml", rubricYaml);
        return n;
    }

    /**
     * Reads the JSON form.
     *
     * @throws IllegalArgumentException naming every missing or invalid field
     */
    public static LambdaConfig fromJson(JsonNode n) {
        List<String> problems = new ArrayList<>();
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(RESOURCE + " must hold a JSON object");
        }
        if (!FORMAT.equals(n.path("format").asText())) {
            problems.add("format must be \"" + FORMAT + "\", was " + n.path("format"));
        }
        String yaml = text(n, "rubric_yaml", problems);
        String version = text(n, "rubric_version", problems);
        String system = text(n, "system_prompt", problems);
        String model = text(n.path("judge"), "model_id", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": " + String.join("; ", problems));
        }
        JsonNode t = n.path("timeouts");
        JsonNode r = n.path("retry");
        Map<String, String> rules = new LinkedHashMap<>();
        n.path("rules").properties().forEach(e -> rules.put(e.getKey(), e.getValue().asText()));
        String output = n.path("output").asText("array");
        if (!output.equals("array") && !output.equals("envelope")) {
            throw new IllegalArgumentException(RESOURCE + ": output must be \"array\" or \"envelope\", was " + output);
        }
        String limiter = n.path("limiter").asText("fixed");
        if (!limiter.equals("fixed") && !limiter.equals("adaptive")) {
            throw new IllegalArgumentException(RESOURCE + ": limiter must be \"fixed\" or \"adaptive\", was " + limiter);
        }
        BedrockJudgeConfig.PromptCache cache;
        try {
            cache = BedrockJudgeConfig.PromptCache.valueOf(n.path("judge").path("prompt_cache").asText("auto")
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RESOURCE + ": judge.prompt_cache must be auto, on or off");
        }
        return new LambdaConfig(yaml, version, system, model, optionalText(n.path("judge").get("region")),
                optionalNumber(n.get("neutral_reward")), n.path("concurrency").asInt(64), limiter.equals("adaptive"),
                Duration.ofMillis(t.path("api_call_ms").asLong(60_000)), Duration.ofMillis(t.path("attempt_ms").asLong(55_000)),
                Duration.ofMillis(t.path("deadline_margin_ms").asLong(10_000)),
                Duration.ofMillis(t.path("max_event_ms").asLong(840_000)), r.path("max_attempts").asInt(8),
                Duration.ofMillis(r.path("base_delay_ms").asLong(250)), Duration.ofMillis(r.path("max_delay_ms").asLong(20_000)),
                rules, optionalNumber(n.get("reference_overlap_weight")), output.equals("envelope"), cache,
                n.path("unvalidated").asBoolean(false));
    }

    private static String text(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add("missing \"" + field + "\"");
            return "";
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode v) {
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<Double> optionalNumber(JsonNode v) {
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asDouble());
    }
}
