package dev.juror.rubric;

import java.util.OptionalDouble;

/**
 * Judge model call settings.
 *
 * @param modelId     Bedrock model id or inference profile (e.g. {@code amazon.nova-pro-v1:0})
 * @param temperature sampling temperature in [0, 1]; 0 for repeatable grading
 * @param maxTokens   output token cap, &gt; 0
 * @param topP        nucleus sampling in (0, 1]; empty = provider default
 */
public record JudgeModelSettings(String modelId, double temperature, int maxTokens, OptionalDouble topP) {

    public static final double DEFAULT_TEMPERATURE = 0.0;
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public JudgeModelSettings {
        topP = topP == null ? OptionalDouble.empty() : topP;
    }
}
