package dev.juror.judge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Bedrock. Holds no secrets: credentials come from the AWS default chain, or from a
 * named profile of {@code ~/.aws/config} / {@code ~/.aws/credentials} (SSO profiles included).
 *
 * @param region           AWS Region, e.g. {@code us-east-1}
 * @param profileName      named profile; empty = default credential chain (environment, system
 *                         properties, web identity, profile {@code default}, SSO, container, instance)
 * @param endpointOverride e.g. a VPC interface endpoint, or {@code http://127.0.0.1:PORT} in tests
 * @param apiCallTimeout   limit for one {@code converse} call including connection set-up
 * @param attemptTimeout   limit for the single HTTP attempt (the SDK makes exactly one)
 * @param maxConnections   HTTP connection pool size; at least the batch's concurrency cap, otherwise
 *                         calls queue for a connection inside the SDK where the limiter cannot see them
 * @param promptCache      whether to place a {@code cachePoint} between the static and dynamic part
 */
public record BedrockJudgeConfig(String region, Optional<String> profileName, Optional<URI> endpointOverride,
                                 Duration apiCallTimeout, Duration attemptTimeout, int maxConnections,
                                 PromptCache promptCache) {

    /** Prompt-cache policy. */
    public enum PromptCache {
        /** Use a cache point when {@link ModelCapabilities#supportsCachePoint} says the model supports it. */
        AUTO,
        /** Always (for models the table does not know yet, e.g. application inference profiles). */
        ON,
        /** Never. */
        OFF
    }

    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(110);
    public static final int DEFAULT_MAX_CONNECTIONS = 128;

    public BedrockJudgeConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(promptCache, "promptCache");
        if (region.isBlank()) {
            throw new IllegalArgumentException("Bedrock region must not be blank (e.g. us-east-1)");
        }
        if (apiCallTimeout.isNegative() || apiCallTimeout.isZero() || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("Bedrock timeouts must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
    }

    /** Default chain, default timeouts, automatic prompt caching. */
    public static BedrockJudgeConfig forRegion(String region) {
        return new BedrockJudgeConfig(region, Optional.empty(), Optional.empty(), DEFAULT_API_CALL_TIMEOUT,
                DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_MAX_CONNECTIONS, PromptCache.AUTO);
    }

    /**
     * The reward Lambda's connection. It differs from the workbench's on purpose, and only here:
     * no profile (the execution role, through the default chain), no endpoint override (the SDK's
     * standard {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} variable still applies), timeouts budgeted to
     * the Lambda's own time, and as many pooled connections as judge calls the cap lets in flight.
     */
    public static BedrockJudgeConfig forLambda(String region, Duration apiCallTimeout, Duration attemptTimeout,
                                               int concurrencyCap, PromptCache promptCache) {
        return new BedrockJudgeConfig(region, Optional.empty(), Optional.empty(), apiCallTimeout, attemptTimeout,
                concurrencyCap, promptCache);
    }

    public BedrockJudgeConfig withProfile(String profile) {
        return new BedrockJudgeConfig(region, Optional.of(profile), endpointOverride, apiCallTimeout, attemptTimeout,
                maxConnections, promptCache);
    }

    public BedrockJudgeConfig withEndpoint(URI endpoint) {
        return new BedrockJudgeConfig(region, profileName, Optional.of(endpoint), apiCallTimeout, attemptTimeout,
                maxConnections, promptCache);
    }

    public BedrockJudgeConfig withTimeouts(Duration apiCall, Duration attempt) {
        return new BedrockJudgeConfig(region, profileName, endpointOverride, apiCall, attempt, maxConnections,
                promptCache);
    }

    public BedrockJudgeConfig withMaxConnections(int connections) {
        return new BedrockJudgeConfig(region, profileName, endpointOverride, apiCallTimeout, attemptTimeout,
                connections, promptCache);
    }

    public BedrockJudgeConfig withPromptCache(PromptCache cache) {
        return new BedrockJudgeConfig(region, profileName, endpointOverride, apiCallTimeout, attemptTimeout,
                maxConnections, cache);
    }
}
