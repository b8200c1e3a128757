package dev.juror.judge;

import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.judge.output.ResultStatus;
import java.time.Duration;
import java.util.Map;

/**
 * A judge of single items: an LLM behind a {@link JudgeClient} ({@link LlmJudge}), recorded answers
 * ({@link ReplayJudge}) or rules ({@code HeuristicJudge}). Every kind answers with the raw text an
 * LLM judge would give, so one parser, one result shape and one store serve them all.
 *
 * <p>Implementations are thread-safe.
 */
public interface Judge extends AutoCloseable {

    /** {@code bedrock}, {@code openai}, {@code replay} or {@code heuristic}. */
    String provider();

    /** The judge model id as recorded with every result. */
    String model();

    /**
     * Makes one attempt at a call: renders and sends the prompt, or looks up a recording, or applies
     * the rules. Blocking; exactly one attempt.
     *
     * @throws JudgeCallException for every failure, classified by {@link FailureKind}
     */
    JudgeResponse attempt(JudgeCall call);

    /** How failed attempts are retried. */
    RetryPolicy retryPolicy();

    /** Caps concurrent attempts of {@link #judge} calls made on this judge from several threads. */
    ConcurrencyLimiter limiter();

    JudgeOutputParser parser();

    /**
     * Judges one item to its end: retries per {@link #retryPolicy()}, parses, never throws. For the
     * reward Lambda and single calls; batches go through {@code JudgeRunner}.
     */
    default JudgeResult judge(JudgeItem item) {
        return judgeWithCause(item).result();
    }

    /**
     * {@link #judge} plus the transport's failure kind when the call failed (e.g.
     * {@link FailureKind#MAX_TOKENS} behind a {@code parse_error}), for the reward's floor/neutral rule.
     */
    default JudgedItem judgeWithCause(JudgeItem item) {
        JudgeCall call = JudgeCall.single(item);
        JudgeClient client = new CallClient(this, Map.of(call.key(), call));
        RetryingJudgeCaller caller = new RetryingJudgeCaller(client, retryPolicy(), limiter());
        JudgeOutcome outcome = caller.call(new JudgeTask(call.key(), CallClient.placeholder(call, model())));
        java.util.Optional<FailureKind> kind = outcome instanceof JudgeOutcome.Failed failed
                ? java.util.Optional.of(failed.failure().kind())
                : outcome instanceof JudgeOutcome.Cancelled
                ? java.util.Optional.of(FailureKind.INTERRUPTED) : java.util.Optional.empty();
        JudgeResult result = JudgeResults.of(call, outcome, parser(), model())
                .orElseGet(() -> new JudgeResult(call.key(), ResultStatus.API_ERROR, java.util.Optional.empty(), "",
                        "INTERRUPTED: the call was cancelled", outcome.elapsed(), TokenUsage.ZERO, model(),
                        outcome.attempts()));
        return new JudgedItem(result, kind);
    }

    @Override
    default void close() {
    }

    /** A latency measured around an in-process answer. */
    static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }
}
