package dev.juror.judge;

import dev.juror.judge.output.ResultStatus;

/**
 * Why a judge call failed, with whether Juror's retry layer tries again and which
 * {@link ResultStatus} a final failure of this kind is recorded as.
 */
public enum FailureKind {
    /** HTTP 429: ThrottlingException, ServiceQuotaExceededException, TooManyRequests. Also shrinks the concurrency limit. */
    THROTTLED(true, ResultStatus.API_ERROR),
    /** HTTP 5xx: InternalServerException, ServiceUnavailableException, ModelErrorException (424). */
    SERVER_ERROR(true, ResultStatus.API_ERROR),
    /** HTTP 408 ModelTimeoutException: the model took longer than the service allows. */
    MODEL_TIMEOUT(true, ResultStatus.TIMEOUT),
    /** The client gave up waiting (API-call or attempt timeout, read timeout). */
    CLIENT_TIMEOUT(true, ResultStatus.TIMEOUT),
    /** Connection refused or reset, DNS failure, I/O error before an answer arrived. */
    CONNECTION_ERROR(true, ResultStatus.API_ERROR),
    /** Bedrock ModelNotReadyException (429): the model is being loaded; retry later. */
    MODEL_NOT_READY(true, ResultStatus.API_ERROR),
    /** HTTP 400/404/422: ValidationException, ResourceNotFoundException. Retrying the same request cannot help. */
    VALIDATION_ERROR(false, ResultStatus.API_ERROR),
    /** HTTP 401/403: AccessDeniedException, missing or invalid credentials. */
    ACCESS_DENIED(false, ResultStatus.API_ERROR),
    /** The service answered with a body the client could not read. */
    MALFORMED_RESPONSE(false, ResultStatus.API_ERROR),
    /** The model or a guardrail refused: stop reason guardrail_intervened / content_filtered, OpenAI refusal. */
    REFUSED(false, ResultStatus.REFUSED),
    /** Output cut off at the token limit (Bedrock max_tokens, OpenAI length): no complete judgement. */
    MAX_TOKENS(false, ResultStatus.PARSE_ERROR),
    /** Any other stop reason than end_turn / stop (malformed_model_output, tool_use, unknown values). */
    UNEXPECTED_STOP(false, ResultStatus.PARSE_ERROR),
    /** The calling thread was interrupted (batch cancelled). Never recorded as a result. */
    INTERRUPTED(false, ResultStatus.API_ERROR),
    /** Anything else the client did not recognise. */
    UNKNOWN(false, ResultStatus.API_ERROR);

    private final boolean retryable;
    private final ResultStatus resultStatus;

    FailureKind(boolean retryable, ResultStatus resultStatus) {
        this.retryable = retryable;
        this.resultStatus = resultStatus;
    }

    /** Whether the retry layer tries the same request again. */
    public boolean retryable() {
        return retryable;
    }

    /** The status a final failure of this kind is recorded as. */
    public ResultStatus resultStatus() {
        return resultStatus;
    }
}
