package dev.juror.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Judge calls against an OpenAI-compatible {@code /v1/chat/completions} endpoint with
 * {@link HttpClient}. Sends system + user messages (prefix and suffix joined: these servers cache
 * shared prefixes by themselves), temperature, max_tokens and optional top_p; reads
 * {@code choices[0].message.content}, {@code finish_reason} and {@code usage}. A
 * {@code reasoning_content} field (vLLM, llama.cpp) is ignored like Bedrock reasoning blocks.
 */
public final class OpenAiCompatibleJudgeClient implements JudgeClient {

    private final OpenAiJudgeConfig config;
    private final HttpClient http;
    private final URI endpoint;
    private final UnaryOperator<String> environment;
    private final ObjectMapper json = new ObjectMapper();

    /** Reads the API key variable from the process environment. */
    public OpenAiCompatibleJudgeClient(OpenAiJudgeConfig config) {
        this(config, System::getenv);
    }

    /** With an injectable environment lookup (tests). */
    public OpenAiCompatibleJudgeClient(OpenAiJudgeConfig config, UnaryOperator<String> environment) {
        this.config = Objects.requireNonNull(config, "config");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.endpoint = config.chatCompletionsUri();
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String name() {
        return "openai:" + endpoint;
    }

    @Override
    public JudgeResponse call(JudgeRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
        config.apiKeyEnvVar().ifPresent(variable -> {
            String key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw JudgeCallException.of(FailureKind.ACCESS_DENIED, "MissingApiKey", 0,
                        "environment variable " + variable + " holding the API key is not set");
            }
            builder.header("Authorization", "Bearer " + key);
        });
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new JudgeCallException(FailureKind.CONNECTION_ERROR, "ConnectTimeout", 0, e.getMessage(), null, null, e);
        } catch (HttpTimeoutException e) {
            throw new JudgeCallException(FailureKind.CLIENT_TIMEOUT, "RequestTimeout", 0,
                    "no answer within " + config.requestTimeout(), null, null, e);
        } catch (ConnectException e) {
            throw new JudgeCallException(FailureKind.CONNECTION_ERROR, "ConnectException", 0,
                    "cannot connect to " + endpoint + ": " + e.getMessage(), null, null, e);
        } catch (IOException e) {
            throw new JudgeCallException(FailureKind.CONNECTION_ERROR, e.getClass().getSimpleName(), 0,
                    String.valueOf(e.getMessage()), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeCallException(FailureKind.INTERRUPTED, "Interrupted", 0, "call interrupted", null, null, e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        if (response.statusCode() != 200) {
            throw httpError(response);
        }
        return parse(response.body(), latency);
    }

    String body(JudgeRequest request) {
        ObjectNode root = json.createObjectNode();
        root.put("model", request.modelId());
        ArrayNode messages = root.putArray("messages");
        if (!request.systemPrompt().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        messages.addObject().put("role", "user").put("content", request.userMessage());
        root.put("temperature", request.temperature());
        root.put("max_tokens", request.maxTokens());
        request.topP().ifPresent(p -> root.put("top_p", p));
        root.put("stream", false);
        return root.toString();
    }

    private JudgeResponse parse(String body, Duration latency) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new JudgeCallException(FailureKind.MALFORMED_RESPONSE, "MalformedJson", 200,
                    "answer is not JSON: " + abbreviate(body), null, null, e);
        }
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw JudgeCallException.of(FailureKind.MALFORMED_RESPONSE, "NoChoices", 200,
                    "answer has no choices[0]: " + abbreviate(body));
        }
        JsonNode message = choice.path("message");
        String text = message.path("content").isTextual() ? message.path("content").asText() : "";
        String finish = choice.path("finish_reason").asText("");
        JsonNode usageNode = root.path("usage");
        long prompt = usageNode.path("prompt_tokens").asLong(0);
        long cached = usageNode.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        TokenUsage usage = new TokenUsage(Math.max(0, prompt - cached), usageNode.path("completion_tokens").asLong(0),
                Math.min(cached, prompt), 0);
        JudgeResponse judged = new JudgeResponse(text, finish, usage, latency);
        if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
            throw JudgeCallException.stopped(FailureKind.REFUSED, judged);
        }
        return switch (finish) {
            case "stop" -> judged;
            case "length" -> throw JudgeCallException.stopped(FailureKind.MAX_TOKENS, judged);
            case "content_filter" -> throw JudgeCallException.stopped(FailureKind.REFUSED, judged);
            default -> throw JudgeCallException.stopped(FailureKind.UNEXPECTED_STOP, judged);
        };
    }

    private JudgeCallException httpError(HttpResponse<String> response) {
        int status = response.statusCode();
        String message = abbreviate(response.body());
        String type = "HTTP " + status;
        try {
            JsonNode root = json.readTree(response.body());
            JsonNode error = root.path("error").isObject() ? root.path("error") : root;
            if (error.path("message").isTextual()) {
                message = error.path("message").asText();
            } else if (root.path("error").isTextual()) {
                message = root.path("error").asText();
            }
            if (error.path("type").isTextual()) {
                type = error.path("type").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // Not JSON: keep the raw (abbreviated) body as the message.
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(OpenAiCompatibleJudgeClient::retryAfter)
                .orElse(null);
        return new JudgeCallException(HttpFailures.kindForStatus(status), type, status, message, retryAfter, null, null);
    }

    /** Retry-After as delta-seconds or HTTP-date; null when unreadable or in the past. */
    static Duration retryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() <= 300 ? b : b.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        http.close();
    }
}
