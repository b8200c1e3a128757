package dev.juror.judge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed judge call. {@link #kind()} drives retries and the recorded status; the provider's
 * error type (e.g. {@code ThrottlingException}) and HTTP status are kept for the result row.
 * When the model did answer but the answer is not usable (stop reason {@code max_tokens},
 * {@code content_filtered}, ...) the answer is kept in {@link #partialResponse()} so its raw text
 * and token cost are still recorded.
 */
public final class JudgeCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String errorType;
    private final int httpStatus;
    private final transient Duration retryAfter;
    private final transient JudgeResponse partialResponse;

    public JudgeCallException(FailureKind kind, String errorType, int httpStatus, String message,
                              Duration retryAfter, JudgeResponse partialResponse, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.errorType = errorType == null ? "" : errorType;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.partialResponse = partialResponse;
    }

    public static JudgeCallException of(FailureKind kind, String errorType, int httpStatus, String message) {
        return new JudgeCallException(kind, errorType, httpStatus, message, null, null, null);
    }

    public static JudgeCallException stopped(FailureKind kind, JudgeResponse response) {
        return new JudgeCallException(kind, "StopReason", 200,
                "model stopped with '" + response.stopReason() + "' instead of a complete answer", null, response, null);
    }

    public FailureKind kind() {
        return kind;
    }

    /** Provider error type such as {@code ThrottlingException}; empty when there was none (I/O errors). */
    public String errorType() {
        return errorType;
    }

    /** HTTP status of the answer, if one arrived. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** Server's Retry-After hint, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The unusable answer (truncated, refused), if the model answered at all. */
    public Optional<JudgeResponse> partialResponse() {
        return Optional.ofNullable(partialResponse);
    }
}
