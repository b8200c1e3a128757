package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "AKIAIOSFODNN7EXAMPLE",
        "ASIAY34FZKBOKMUTVV7A",
        "sk-proj-4fG7hK2mN9pQ1rS3tU5vW7xY9zA1bC3d",
        "sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345",
        "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "wJalrXUtnFEMI2K7MDENGbPxRfiCYEXAMPLEKEY9a",
        "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    })
    void keysAloneAreMasked(String key) {
        assertThat(Secrets.redact(key)).isEqualTo(Secrets.MASK);
        assertThat(Secrets.redact("environment variable " + key + " holding the API key is not set"))
                .doesNotContain(key).contains(Secrets.MASK).startsWith("environment variable ");
    }

    @Test
    void bearerTokensAssignmentsAndUrlCredentialsAreMasked() {
        assertThat(Secrets.redact("invalid header Authorization: Bearer abc.def-123_456"))
                .isEqualTo("invalid header Authorization: Bearer " + Secrets.MASK);
        assertThat(Secrets.redact("{\"api_key\": \"hunter2hunter2\", \"model\": \"m\"}"))
                .isEqualTo("{\"api_key\": \"" + Secrets.MASK + "\", \"model\": \"m\"}");
        assertThat(Secrets.redact("password=correcthorse&user=bob")).isEqualTo("password=" + Secrets.MASK + "&user=bob");
        assertThat(Secrets.redact("cannot connect to https://alice:s3cret@judge.example.com:8443/v1/chat/completions"))
                .isEqualTo("cannot connect to https://" + Secrets.MASK + "@judge.example.com:8443/v1/chat/completions");
        assertThat(Secrets.redact("{\"base_url\":\"http://token@10.0.0.5/v1\"}"))
                .isEqualTo("{\"base_url\":\"http://" + Secrets.MASK + "@10.0.0.5/v1\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The judge returned HTTP 429: Too many requests, please wait before trying again.",
        "{\"region\":\"us-east-1\",\"profile\":\"legal-sso\",\"endpoint\":\"http://127.0.0.1:4566\",\"concurrency\":8}",
        "{\"base_url\":\"https://judge.example.com/v1\",\"api_key_env\":\"JUROR_OPENAI_API_KEY\"}",
        "model us.anthropic.claude-sonnet-4-5-20250929-v1:0 is not available in eu-west-1",
        "rubric version 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 changed",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
        "cannot read /home/lawyer/Juror/rubrics/ContractReviewPlaybook2024Version3.yaml",
        "ValidationException: The provided model identifier is invalid. RequestId 1c7a6e0e-0f3b-4c8e-9b1a-2f5d3e4c6a7b",
        "basic configuration failed; token expired; password required",
        "OpenAiCompatibleJudgeClientIntegrationTestCase went wrong in JudgeRunRepositoryIntegration",
    })
    void benignTextIsLeftAlone(String text) {
        assertThat(Secrets.redact(text)).isEqualTo(text);
        assertThat(Secrets.containsSecret(text)).isFalse();
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(Secrets.redact(null)).isNull();
        assertThat(Secrets.redact("")).isEmpty();
    }
}
