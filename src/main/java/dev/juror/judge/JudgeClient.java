package dev.juror.judge;

/**
 * A judge model endpoint. Implementations are thread-safe: one instance serves a whole batch from
 * many threads. A call makes exactly one attempt (retries belong to {@link RetryingJudgeCaller}, so
 * they are counted and visible) and blocks until the answer or a failure.
 */
public interface JudgeClient extends AutoCloseable {

    /**
     * Sends one request.
     *
     * @return the answer; only complete answers (stop reason end_turn / stop)
     * @throws JudgeCallException for every failure, classified by {@link FailureKind}
     */
    JudgeResponse call(JudgeRequest request);

    /** Short description for logs and result rows, e.g. {@code bedrock:us-east-1}. */
    String name();

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
