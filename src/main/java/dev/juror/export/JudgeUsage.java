package dev.juror.export;

import java.util.Objects;
import java.util.Optional;

/**
 * Tokens (and, when measured, latency) of one judge call, as the budget planner uses them.
 * Token kinds follow {@link dev.juror.judge.TokenUsage}: {@code input} excludes the prompt tokens read
 * from or written to the prompt cache, so a call's prompt is {@code input + cacheRead + cacheWrite}.
 *
 * @param source              measured in the workspace's judge runs, or estimated from the rendered prompt
 * @param results             judge results the figures come from (0 for an estimate)
 * @param runs                judge runs those results belong to
 * @param okWithoutTokens     ok results left out because the provider reported no token counts
 * @param latencyMs           measured latency per call (retries included); empty for an estimate
 * @param description         one line saying where the figures come from, for budget.md
 */
public record JudgeUsage(Source source, int results, int runs, int okWithoutTokens, TokenDistribution input,
                         TokenDistribution output, TokenDistribution cacheRead, TokenDistribution cacheWrite,
                         Optional<TokenDistribution> latencyMs, String description) {

    public enum Source { MEASURED, ESTIMATED }

    public JudgeUsage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(cacheRead, "cacheRead");
        Objects.requireNonNull(cacheWrite, "cacheWrite");
        Objects.requireNonNull(latencyMs, "latencyMs");
        description = description == null ? "" : description;
        if (results < 0 || runs < 0 || okWithoutTokens < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** An estimate without cache figures: used only when the workspace holds no measured result. */
    public static JudgeUsage estimated(long inputTokens, long outputTokens, String description) {
        return new JudgeUsage(Source.ESTIMATED, 0, 0, 0, TokenDistribution.exactly(inputTokens),
                TokenDistribution.exactly(outputTokens), TokenDistribution.ZERO, TokenDistribution.ZERO, Optional.empty(),
                description);
    }

    public boolean measured() {
        return source == Source.MEASURED;
    }

    /** Mean prompt tokens per call, cached or not. */
    public double promptTokensPerCall() {
        return input.mean() + cacheRead.mean() + cacheWrite.mean();
    }

    /** Mean tokens per call of every kind: what a tokens-per-minute quota is compared with. */
    public double tokensPerCall() {
        return promptTokensPerCall() + output.mean();
    }

    /** Share of the prompt read from the cache (0 when nothing was read from it or there is no prompt). */
    public double cachedShare() {
        double prompt = promptTokensPerCall();
        return prompt > 0 ? cacheRead.mean() / prompt : 0;
    }
}
