package dev.juror.judge.testserver;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One scripted answer of {@link ConverseTestServer}. The same reply renders as Converse JSON on
 * {@code /model/{id}/converse} and as chat-completions JSON on {@code /v1/chat/completions}.
 */
public sealed interface Reply {

    /** Time the server waits before answering. */
    Duration delay();

    /** A model answer. {@code stopReason} uses the Converse vocabulary (end_turn, max_tokens, ...). */
    record Answer(String text, Optional<String> reasoning, String stopReason, long inputTokens, long outputTokens,
                  long cacheReadTokens, long cacheWriteTokens, Duration delay) implements Reply {
        public Answer {
            Objects.requireNonNull(text);
            Objects.requireNonNull(reasoning);
            Objects.requireNonNull(stopReason);
            Objects.requireNonNull(delay);
        }

        public Answer withReasoning(String reasoningText) {
            return new Answer(text, Optional.of(reasoningText), stopReason, inputTokens, outputTokens, cacheReadTokens,
                    cacheWriteTokens, delay);
        }

        public Answer withStopReason(String reason) {
            return new Answer(text, reasoning, reason, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, delay);
        }

        public Answer withUsage(long input, long output, long cacheRead, long cacheWrite) {
            return new Answer(text, reasoning, stopReason, input, output, cacheRead, cacheWrite, delay);
        }

        public Answer withDelay(Duration wait) {
            return new Answer(text, reasoning, stopReason, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, wait);
        }
    }

    /** An error answer: HTTP status, Bedrock error type (header x-amzn-ErrorType), message, optional Retry-After. */
    record Failure(int status, String errorType, String message, Optional<String> retryAfter, Duration delay)
            implements Reply {
        public Failure {
            Objects.requireNonNull(errorType);
            Objects.requireNonNull(message);
            Objects.requireNonNull(retryAfter);
            Objects.requireNonNull(delay);
        }

        public Failure withRetryAfter(String value) {
            return new Failure(status, errorType, message, Optional.of(value), delay);
        }
    }

    /** HTTP 200 with a body that is not the expected JSON. */
    record Malformed(String body, Duration delay) implements Reply {
    }

    static Answer text(String text) {
        return new Answer(text, Optional.empty(), "end_turn", 120, 12, 0, 0, Duration.ZERO);
    }

    static Failure throttling() {
        return new Failure(429, "ThrottlingException", "Too many requests, please wait before trying again.",
                Optional.empty(), Duration.ZERO);
    }

    static Failure serviceUnavailable() {
        return new Failure(503, "ServiceUnavailableException", "Service unavailable", Optional.empty(), Duration.ZERO);
    }

    static Failure internalServerError() {
        return new Failure(500, "InternalServerException", "Internal server error", Optional.empty(), Duration.ZERO);
    }

    static Failure modelTimeout() {
        return new Failure(408, "ModelTimeoutException", "Processing time exceeded the model timeout length",
                Optional.empty(), Duration.ZERO);
    }

    static Failure validation(String message) {
        return new Failure(400, "ValidationException", message, Optional.empty(), Duration.ZERO);
    }

    static Failure accessDenied() {
        return new Failure(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.",
                Optional.empty(), Duration.ZERO);
    }

    static Failure modelNotReady() {
        return new Failure(429, "ModelNotReadyException", "Model is not ready", Optional.empty(), Duration.ZERO);
    }

    static Malformed malformedBody() {
        return new Malformed("{\"output\": {\"message\": {\"role\": \"assistant\", \"content\": [", Duration.ZERO);
    }
}
