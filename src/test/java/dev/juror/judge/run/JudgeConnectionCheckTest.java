package dev.juror.judge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JudgeConnectionCheckTest {

    private static JudgeSettings openAi(String baseUrl, String keyEnv) {
        return new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(baseUrl),
                Optional.ofNullable(keyEnv), Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-proj-abcdefghijklmnop", "my key", "1PASSWORD", "KEY=abc", "", "a-b"})
    void aValueThatCannotBeAVariableNameIsRefusedWithoutRepeatingIt(String given) {
        JudgeSetupException e = catchThrowableOfType(JudgeSetupException.class,
                () -> JudgeConnectionCheck.check("openai", openAi("http://localhost:8000/v1", given)));
        assertThat(e.setting()).isEqualTo("api-key-env");
        assertThat(e.detail()).contains("NAME of an environment variable");
        if (!given.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(given);
        }
    }

    @Test
    void variableNamesAreAccepted() {
        assertThatCode(() -> JudgeConnectionCheck.check("openai", openAi("http://localhost:8000/v1", "JUROR_API_KEY")))
                .doesNotThrowAnyException();
        assertThatCode(() -> JudgeConnectionCheck.apiKeyEnv("_x1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://alice:s3cret@judge.example.com/v1", "http://token@localhost:8000/v1"})
    void credentialsInTheUrlAreRefusedAndNotEchoed(String url) {
        JudgeSetupException e = catchThrowableOfType(JudgeSetupException.class,
                () -> JudgeConnectionCheck.check("openai", openAi(url, null)));
        assertThat(e.setting()).isEqualTo("base-url");
        assertThat(e.detail()).contains("user name or password");
        assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("token@");
    }

    @Test
    void bedrockEndpointWithCredentialsIsRefusedToo() {
        JudgeSettings s = new JudgeSettings(Optional.empty(), Optional.empty(),
                Optional.of("https://AKIAIOSFODNN7EXAMPLE:x@bedrock.example.com"), Optional.empty(), Optional.empty(),
                Optional.empty());
        JudgeSetupException e = catchThrowableOfType(JudgeSetupException.class,
                () -> JudgeConnectionCheck.check("bedrock", s));
        assertThat(e.setting()).isEqualTo("endpoint");
        assertThat(e.getMessage()).doesNotContain("AKIA");
    }

    @Test
    void aKeyOverPlainHttpToAnotherHostNeedsThePermission() {
        JudgeSettings s = openAi("http://judge.example.com/v1", "JUROR_API_KEY");
        JudgeSetupException e = catchThrowableOfType(JudgeSetupException.class,
                () -> JudgeConnectionCheck.check("openai", s));
        assertThat(e.setting()).isEqualTo("base-url");
        assertThat(e.detail()).contains("plain HTTP").contains("--allow-insecure-http").contains("https://");
        assertThatCode(() -> JudgeConnectionCheck.check("openai", s.withAllowInsecureHttp(true)))
                .doesNotThrowAnyException();
        // without a key nothing secret travels
        assertThatCode(() -> JudgeConnectionCheck.check("openai", openAi("http://judge.example.com/v1", null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> JudgeConnectionCheck.check("openai", openAi("https://judge.example.com/v1", "K")))
                .doesNotThrowAnyException();
    }

    @Test
    void bedrockSignaturesOverPlainHttpToAnotherHostNeedThePermission() {
        JudgeSettings s = new JudgeSettings(Optional.empty(), Optional.empty(), Optional.of("http://10.1.2.3:4566"),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(catchThrowableOfType(JudgeSetupException.class, () -> JudgeConnectionCheck.check("bedrock", s))
                .setting()).isEqualTo("endpoint");
        assertThatCode(() -> JudgeConnectionCheck.check("bedrock", s.withAllowInsecureHttp(true)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.10.20.30", "[::1]", "::1",
        "[0:0:0:0:0:0:0:1]", "judge.localhost"})
    void loopbackHosts(String host) {
        assertThat(JudgeConnectionCheck.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "10.0.0.1", "128.0.0.1", "localhost.example.com", "127.0.0.1.nip.io",
        "[::2]", "0.0.0.0", "127.0.0.256"})
    void otherHosts(String host) {
        assertThat(JudgeConnectionCheck.isLoopback(host)).isFalse();
    }

    @Test
    void loopbackOverPlainHttpWithAKeyIsFine() {
        assertThat(JudgeConnectionCheck.url("http://127.0.0.1:8000/v1", "base-url", true, false))
                .isEqualTo(URI.create("http://127.0.0.1:8000/v1"));
        assertThat(JudgeConnectionCheck.url("http://[::1]:8000/v1", "base-url", true, false).getHost())
                .isEqualTo("[::1]");
    }

    @Test
    void formProblemIsASentence() {
        assertThat(JudgeConnectionCheck.baseUrlProblem("http://u:p@localhost/v1")).get().asString()
                .startsWith("The OpenAI-compatible base URL holds a user name or password").endsWith(".");
        assertThat(JudgeConnectionCheck.baseUrlProblem("localhost:8000")).isPresent();
        assertThat(JudgeConnectionCheck.baseUrlProblem("")).isEmpty();
        assertThat(JudgeConnectionCheck.baseUrlProblem("http://judge.example.com/v1")).isEmpty();
    }

    @Test
    void theSettingsKeepThePermissionAndMaskSecretsWhenStored() {
        JudgeSettings s = openAi("http://judge.example.com/v1", "JUROR_API_KEY").withAllowInsecureHttp(true);
        assertThat(JudgeSettings.parse(s.toJson())).isEqualTo(s);
        JudgeSettings keyed = openAi("http://localhost/v1", "sk-proj-abcdefghijklmnopqrst");
        assertThat(keyed.toJson()).doesNotContain("sk-proj").contains("[REDACTED]");
    }
}
