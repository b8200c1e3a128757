package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleJudgeClientTest {

    private ConverseTestServer server;
    private OpenAiCompatibleJudgeClient client;

    @BeforeEach
    void start() {
        server = ConverseTestServer.start();
        client = new OpenAiCompatibleJudgeClient(OpenAiJudgeConfig.of(server.endpoint()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static JudgeRequest request() {
        return new JudgeRequest("r1", "qwen2.5-7b-instruct", "You grade.", "DOC ", "PRED", 0.3, 64, OptionalDouble.of(0.8));
    }

    @Test
    void postsChatCompletionAndReadsTheAnswer() {
        server.enqueue(Reply.text("{\"score\": 3}").withReasoning("thinking...").withUsage(80, 7, 20, 0));

        JudgeResponse response = client.call(request());

        assertThat(response.text()).isEqualTo("{\"score\": 3}");
        assertThat(response.stopReason()).isEqualTo("stop");
        // prompt_tokens 100 of which 20 cached
        assertThat(response.usage()).isEqualTo(new TokenUsage(80, 7, 20, 0));
        JsonNode body = server.lastRequest().body();
        assertThat(server.lastRequest().route()).isEqualTo("openai");
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("You grade.");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("DOC PRED");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.8);
        assertThat(server.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void baseUrlMayAlreadyEndInV1() {
        assertThat(OpenAiJudgeConfig.of(URI.create("http://localhost:11434/v1/")).chatCompletionsUri())
                .isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
        assertThat(OpenAiJudgeConfig.of(URI.create("http://localhost:8000")).chatCompletionsUri())
                .isEqualTo(URI.create("http://localhost:8000/v1/chat/completions"));
        try (OpenAiCompatibleJudgeClient v1 = new OpenAiCompatibleJudgeClient(
                OpenAiJudgeConfig.of(URI.create(server.endpoint() + "/v1")))) {
            assertThat(v1.call(request()).text()).isNotEmpty();
        }
    }

    @Test
    void apiKeyComesFromTheNamedVariable() {
        OpenAiJudgeConfig config = OpenAiJudgeConfig.of(server.endpoint()).withApiKeyEnvVar("JUROR_TEST_KEY");
        try (OpenAiCompatibleJudgeClient keyed = new OpenAiCompatibleJudgeClient(config,
                Map.of("JUROR_TEST_KEY", "sk-test-123")::get)) {
            keyed.call(request());
        }
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Bearer sk-test-123");

        try (OpenAiCompatibleJudgeClient missing = new OpenAiCompatibleJudgeClient(config, name -> null)) {
            JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> missing.call(request()));
            assertThat(e.kind()).isEqualTo(FailureKind.ACCESS_DENIED);
            assertThat(e.getMessage()).contains("JUROR_TEST_KEY");
        }
    }

    @Test
    void lengthFinishIsMaxTokens() {
        server.enqueue(Reply.text("{\"sco").withStopReason("max_tokens"));

        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request()));

        assertThat(e.kind()).isEqualTo(FailureKind.MAX_TOKENS);
        assertThat(e.partialResponse()).hasValueSatisfying(r -> assertThat(r.stopReason()).isEqualTo("length"));
    }

    @Test
    void throttlingWithRetryAfter() {
        server.enqueue(Reply.throttling().withRetryAfter("2"));

        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request()));

        assertThat(e.kind()).isEqualTo(FailureKind.THROTTLED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.errorType()).isEqualTo("ThrottlingException");
    }

    @Test
    void mapsStatusCodes() {
        server.enqueue(Reply.serviceUnavailable(), Reply.validation("bad"), Reply.accessDenied(), Reply.modelTimeout());
        assertThat(kindOfNextCall()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(kindOfNextCall()).isEqualTo(FailureKind.VALIDATION_ERROR);
        assertThat(kindOfNextCall()).isEqualTo(FailureKind.ACCESS_DENIED);
        assertThat(kindOfNextCall()).isEqualTo(FailureKind.MODEL_TIMEOUT);
    }

    @Test
    void malformedBodyAndTimeout() {
        server.enqueue(Reply.malformedBody());
        assertThat(kindOfNextCall()).isEqualTo(FailureKind.MALFORMED_RESPONSE);

        try (OpenAiCompatibleJudgeClient impatient = new OpenAiCompatibleJudgeClient(
                OpenAiJudgeConfig.of(server.endpoint()).withRequestTimeout(Duration.ofMillis(200)))) {
            server.enqueue(Reply.text("late").withDelay(Duration.ofSeconds(2)));
            JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> impatient.call(request()));
            assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_TIMEOUT);
        }
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        assertThat(OpenAiCompatibleJudgeClient.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(OpenAiCompatibleJudgeClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(OpenAiCompatibleJudgeClient.retryAfter("soon")).isNull();
    }

    private FailureKind kindOfNextCall() {
        return catchThrowableOfType(JudgeCallException.class, () -> client.call(request())).kind();
    }
}
