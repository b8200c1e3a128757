package dev.juror.judge;

import dev.juror.judge.output.ResultStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The last failure of a call that did not succeed, as recorded with the result.
 *
 * @param partialResponse the model's unusable answer (truncated, refused), kept for its raw text and tokens
 */
public record JudgeFailure(FailureKind kind, String errorType, OptionalInt httpStatus, String message,
                           Optional<JudgeResponse> partialResponse) {

    public JudgeFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(partialResponse, "partialResponse");
    }

    public static JudgeFailure from(JudgeCallException e) {
        return new JudgeFailure(e.kind(), e.errorType(), e.httpStatus(), String.valueOf(e.getMessage()),
                e.partialResponse());
    }

    public ResultStatus status() {
        return kind.resultStatus();
    }
}
