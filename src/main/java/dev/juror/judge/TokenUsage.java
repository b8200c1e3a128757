package dev.juror.judge;

/**
 * Token counts of one call as reported by the provider; zero where the provider reports nothing.
 * {@code inputTokens} excludes tokens read from or written to the prompt cache (Bedrock reports
 * them separately); OpenAI-compatible servers report cached tokens inside the prompt count, which
 * {@link OpenAiCompatibleJudgeClient} subtracts so the fields mean the same everywhere.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadInputTokens < 0 || cacheWriteInputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cacheReadInputTokens + other.cacheReadInputTokens, cacheWriteInputTokens + other.cacheWriteInputTokens);
    }
}
