package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelCapabilitiesTest {

    @ParameterizedTest
    @CsvSource({
        "amazon.nova-pro-v1:0, amazon.nova-pro-v1:0",
        "us.amazon.nova-pro-v1:0, amazon.nova-pro-v1:0",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5-20250929-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-haiku-4-5-20251001-v1:0, anthropic.claude-haiku-4-5-20251001-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0, amazon.nova-lite-v1:0",
        "openai.gpt-oss-120b-1:0, openai.gpt-oss-120b-1:0",
    })
    void baseModelIdStripsArnAndProfilePrefix(String id, String base) {
        assertThat(ModelCapabilities.baseModelId(id)).isEqualTo(base);
    }

    @ParameterizedTest
    @CsvSource({
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0, true",
        "anthropic.claude-haiku-4-5-20251001-v1:0, true",
        "anthropic.claude-3-7-sonnet-20250219-v1:0, true",
        "anthropic.claude-3-5-haiku-20241022-v1:0, true",
        "us.anthropic.claude-opus-4-1-20250805-v1:0, true",
        "amazon.nova-pro-v1:0, true",
        "apac.amazon.nova-micro-v1:0, true",
        "anthropic.claude-3-5-sonnet-20241022-v2:0, false",
        "anthropic.claude-3-haiku-20240307-v1:0, false",
        "meta.llama3-1-70b-instruct-v1:0, false",
        "openai.gpt-oss-120b-1:0, false",
        "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123, false",
    })
    void cachePointTable(String id, boolean supported) {
        assertThat(ModelCapabilities.supportsCachePoint(id)).isEqualTo(supported);
    }

    @ParameterizedTest
    @CsvSource({
        "anthropic.claude-sonnet-4-5-20250929-v1:0, false",
        "us.anthropic.claude-haiku-4-5-20251001-v1:0, false",
        "global.anthropic.claude-opus-4-5-20251101-v1:0, false",
        "anthropic.claude-sonnet-4-20250514-v1:0, true",
        "anthropic.claude-opus-4-1-20250805-v1:0, true",
        "anthropic.claude-3-7-sonnet-20250219-v1:0, true",
        "amazon.nova-pro-v1:0, true",
    })
    void claude45TakesTemperatureOnly(String id, boolean acceptsTopP) {
        assertThat(ModelCapabilities.acceptsTopPWithTemperature(id)).isEqualTo(acceptsTopP);
    }
}
