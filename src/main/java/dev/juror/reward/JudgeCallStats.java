package dev.juror.reward;

/**
 * What the judge call of one prediction cost: wall time (retries and limiter waits included, as
 * {@link dev.juror.judge.JudgeResult#latency()}) and the tokens of its final attempt. Carried into
 * {@link RewardOutcome} so the reward Lambda's per-sample record can report them.
 *
 * @param asked        false when the judge was not called (a floor, no comments, a stub scorer)
 * @param latencyMs    milliseconds from the first attempt's start to the end; 0 when not asked
 * @param inputTokens  input tokens reported by the provider (cache reads and writes excluded)
 * @param outputTokens output tokens reported by the provider
 */
public record JudgeCallStats(boolean asked, long latencyMs, long inputTokens, long outputTokens) {

    /** The judge was not called, or the scorer reports nothing. */
    public static final JudgeCallStats NONE = new JudgeCallStats(false, 0, 0, 0);

    public JudgeCallStats {
        if (latencyMs < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("latency and token counts must not be negative");
        }
    }

    /** A call that was made. */
    public static JudgeCallStats of(long latencyMs, long inputTokens, long outputTokens) {
        return new JudgeCallStats(true, latencyMs, inputTokens, outputTokens);
    }
}
