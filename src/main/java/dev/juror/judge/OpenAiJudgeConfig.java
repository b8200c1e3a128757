package dev.juror.judge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp server,
 * LM Studio, a hosted gateway). The API key is never part of the configuration: only the name of
 * the environment variable that holds it, read at each call.
 *
 * @param baseUrl        e.g. {@code http://localhost:8000} or {@code http://localhost:11434/v1}
 * @param apiKeyEnvVar   environment variable with the bearer token; empty = no Authorization header
 * @param connectTimeout TCP connect limit
 * @param requestTimeout limit for one request, from sending to the complete answer
 */
public record OpenAiJudgeConfig(URI baseUrl, Optional<String> apiKeyEnvVar, Duration connectTimeout,
                                Duration requestTimeout) {

    public OpenAiJudgeConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnvVar, "apiKeyEnvVar");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("OpenAI-compatible base URL must start with http:// or https://, was '"
                    + baseUrl + "'");
        }
    }

    public static OpenAiJudgeConfig of(URI baseUrl) {
        return new OpenAiJudgeConfig(baseUrl, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    public OpenAiJudgeConfig withApiKeyEnvVar(String name) {
        return new OpenAiJudgeConfig(baseUrl, Optional.of(name), connectTimeout, requestTimeout);
    }

    public OpenAiJudgeConfig withRequestTimeout(Duration timeout) {
        return new OpenAiJudgeConfig(baseUrl, apiKeyEnvVar, connectTimeout, timeout);
    }

    /** {@code POST} target: {@code <base>/v1/chat/completions}, or {@code <base>/chat/completions} when the base already ends in {@code /v1}. */
    public URI chatCompletionsUri() {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
    }
}
