package dev.juror.judge;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One judge call, transport-neutral. The user message is split in two so that a provider with
 * prompt caching can cache the part that repeats: {@code userPrefix} is identical for every
 * rollout of a sample (rubric context, target and reference documents), {@code userSuffix} holds
 * what changes (the rollout under judgement). Clients that cannot cache simply concatenate them.
 *
 * @param key          identifies the call in logs and outcomes (e.g. {@code run-7/rollout-42/repeat-0})
 * @param modelId      Bedrock model id, inference-profile id or ARN; or the model name of an
 *                     OpenAI-compatible server
 * @param systemPrompt system prompt text (may be empty, never null)
 * @param userPrefix   static part of the user message (may be empty)
 * @param userSuffix   dynamic part of the user message (may be empty, but not both parts)
 * @param temperature  sampling temperature, 0..2
 * @param maxTokens    output token limit, at least 1
 * @param topP         optional nucleus sampling; dropped for models that reject it (see {@link ModelCapabilities})
 */
public record JudgeRequest(String key, String modelId, String systemPrompt, String userPrefix,
                           String userSuffix, double temperature, int maxTokens, OptionalDouble topP) {

    public JudgeRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(userPrefix, "userPrefix");
        Objects.requireNonNull(userSuffix, "userSuffix");
        Objects.requireNonNull(topP, "topP (use OptionalDouble.empty())");
        if (key.isBlank()) {
            throw new IllegalArgumentException("judge request key must not be blank");
        }
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("judge request " + key + ": model id must not be blank");
        }
        if (userPrefix.isEmpty() && userSuffix.isEmpty()) {
            throw new IllegalArgumentException("judge request " + key + ": user message is empty");
        }
        if (!(temperature >= 0.0 && temperature <= 2.0)) {
            throw new IllegalArgumentException("judge request " + key + ": temperature " + temperature
                    + " is outside 0..2");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("judge request " + key + ": maxTokens must be at least 1, was "
                    + maxTokens);
        }
        if (topP.isPresent() && !(topP.getAsDouble() > 0.0 && topP.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("judge request " + key + ": topP " + topP.getAsDouble()
                    + " is outside (0, 1]");
        }
    }

    /** A request without top-p. */
    public static JudgeRequest of(String key, String modelId, String systemPrompt, String userPrefix,
                                  String userSuffix, double temperature, int maxTokens) {
        return new JudgeRequest(key, modelId, systemPrompt, userPrefix, userSuffix, temperature, maxTokens,
                OptionalDouble.empty());
    }

    /** The whole user message, for transports without a cache point. */
    public String userMessage() {
        return userPrefix + userSuffix;
    }

    public JudgeRequest withKey(String newKey) {
        return new JudgeRequest(newKey, modelId, systemPrompt, userPrefix, userSuffix, temperature, maxTokens, topP);
    }
}
