package dev.juror.judge;

import java.time.Duration;
import java.util.Objects;

/**
 * A judge model's answer as the transport saw it: the joined text of all text blocks (reasoning
 * blocks, which some models put first, are skipped), the provider's stop reason verbatim
 * ({@code end_turn}, {@code max_tokens}, ... for Bedrock; {@code stop}, {@code length} for
 * OpenAI-compatible servers), token counts, and the wall-clock latency measured by the client.
 * Parsing the text into scores is not the transport's job.
 */
public record JudgeResponse(String text, String stopReason, TokenUsage usage, Duration latency) {

    public JudgeResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
    }
}
