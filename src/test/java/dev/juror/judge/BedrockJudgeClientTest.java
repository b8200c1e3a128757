package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real SDK client against the loopback Converse server. */
class BedrockJudgeClientTest {

    private static final String NOVA = "us.amazon.nova-pro-v1:0";
    private static final String CLAUDE_45 = "global.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final StaticCredentialsProvider DUMMY = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTEST", "test-secret"));

    private ConverseTestServer server;
    private BedrockJudgeClient client;

    @BeforeEach
    void start() {
        server = ConverseTestServer.start();
        client = clientFor(server.endpoint(), BedrockJudgeConfig.PromptCache.AUTO, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static BedrockJudgeClient clientFor(URI endpoint, BedrockJudgeConfig.PromptCache cache, Duration attempt) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion("us-east-1").withEndpoint(endpoint)
                .withTimeouts(attempt.plusSeconds(1), attempt).withPromptCache(cache);
        return BedrockJudgeClient.create(config, DUMMY);
    }

    private static JudgeRequest request(String model) {
        return JudgeRequest.of("r1", model, "You are a strict grader.", "CONTRACT: ...static...", "PREDICTION: 1", 0.0, 256);
    }

    @Test
    void answersWithTextStopReasonTokensAndLatency() {
        server.enqueue(Reply.text("{\"score\": 4}").withUsage(900, 15, 2048, 0).withDelay(Duration.ofMillis(30)));

        JudgeResponse response = client.call(request(NOVA));

        assertThat(response.text()).isEqualTo("{\"score\": 4}");
        assertThat(response.stopReason()).isEqualTo("end_turn");
        assertThat(response.usage()).isEqualTo(new TokenUsage(900, 15, 2048, 0));
        assertThat(response.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void sendsSystemPromptPrefixCachePointSuffixAndInferenceConfig() {
        client.call(request(NOVA));

        RecordedRequest recorded = server.lastRequest();
        assertThat(recorded.modelId()).isEqualTo(NOVA);
        JsonNode body = recorded.body();
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You are a strict grader.");
        JsonNode content = body.at("/messages/0/content");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(content).hasSize(3);
        assertThat(content.get(0).path("text").asText()).isEqualTo("CONTRACT: ...static...");
        assertThat(content.get(1).path("cachePoint").path("type").asText()).isEqualTo("default");
        assertThat(content.get(2).path("text").asText()).isEqualTo("PREDICTION: 1");
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(256);
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.at("/inferenceConfig").has("topP")).isFalse();
    }

    @Test
    void percentEncodedArnModelIdArrivesIntact() {
        String arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0";
        client.call(request(arn));

        assertThat(server.lastRequest().modelId()).isEqualTo(arn);
        assertThat(server.lastRequest().body().at("/messages/0/content")).hasSize(3);
    }

    @Test
    void noCachePointForModelsWithoutCachingOrWhenSwitchedOff() {
        client.call(request("meta.llama3-1-70b-instruct-v1:0"));
        JsonNode content = server.lastRequest().body().at("/messages/0/content");
        assertThat(content).hasSize(2);
        assertThat(content.toString()).doesNotContain("cachePoint");

        try (BedrockJudgeClient off = clientFor(server.endpoint(), BedrockJudgeConfig.PromptCache.OFF, Duration.ofSeconds(5))) {
            off.call(request(NOVA));
        }
        assertThat(server.lastRequest().body().at("/messages/0/content").toString()).doesNotContain("cachePoint");
    }

    @Test
    void claude45GetsTemperatureButNoTopP() {
        JudgeRequest withTopP = new JudgeRequest("r1", CLAUDE_45, "sys", "prefix", "suffix", 0.2, 100,
                OptionalDouble.of(0.9));
        client.call(withTopP);
        JsonNode inference = server.lastRequest().body().path("inferenceConfig");
        assertThat(inference.path("temperature").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(inference.has("topP")).isFalse();

        client.call(new JudgeRequest("r2", NOVA, "sys", "prefix", "suffix", 0.2, 100, OptionalDouble.of(0.9)));
        assertThat(server.lastRequest().body().at("/inferenceConfig/topP").asDouble())
                .isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void skipsAReasoningBlockBeforeTheText() {
        server.enqueue(Reply.text("{\"score\": 2}").withReasoning("Let me think about clause 4 ..."));

        assertThat(client.call(request(NOVA)).text()).isEqualTo("{\"score\": 2}");
    }

    @Test
    void passesProseAroundJsonThroughUnchanged() {
        String prose = "Here is my verdict:\n```json\n{\"score\": 3}\n```\nHope this helps.";
        server.enqueue(Reply.text(prose));

        assertThat(client.call(request(NOVA)).text()).isEqualTo(prose);
    }

    @Test
    void throttlingIsClassifiedAndTheSdkDoesNotRetry() {
        server.enqueue(Reply.throttling());

        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA)));

        assertThat(e.kind()).isEqualTo(FailureKind.THROTTLED);
        assertThat(e.errorType()).isEqualTo("ThrottlingException");
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.getMessage()).contains("Too many requests");
        assertThat(server.receivedCount()).as("SDK retries are disabled").isEqualTo(1);
    }

    @Test
    void classifiesServiceErrors() {
        assertKind(Reply.serviceUnavailable(), FailureKind.SERVER_ERROR, 503);
        assertKind(Reply.internalServerError(), FailureKind.SERVER_ERROR, 500);
        assertKind(Reply.modelTimeout(), FailureKind.MODEL_TIMEOUT, 408);
        assertKind(Reply.validation("temperature and top_p cannot both be specified"), FailureKind.VALIDATION_ERROR, 400);
        assertKind(Reply.accessDenied(), FailureKind.ACCESS_DENIED, 403);
        assertKind(Reply.modelNotReady(), FailureKind.MODEL_NOT_READY, 429);
        assertThat(server.receivedCount()).isEqualTo(6);
    }

    private void assertKind(Reply reply, FailureKind kind, int status) {
        server.enqueue(reply);
        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA)));
        assertThat(e.kind()).as(reply.toString()).isEqualTo(kind);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.kind().resultStatus()).isEqualTo(kind == FailureKind.MODEL_TIMEOUT ? ResultStatus.TIMEOUT
                : ResultStatus.API_ERROR);
    }

    @Test
    void validationMessageIsKept() {
        server.enqueue(Reply.validation("Invocation of model ID x with on-demand throughput isn't supported."));

        assertThatThrownBy(() -> client.call(request(NOVA)))
                .isInstanceOf(JudgeCallException.class)
                .hasMessageContaining("on-demand throughput");
    }

    @Test
    void malformedBodyIsAMalformedResponse() {
        server.enqueue(Reply.malformedBody());

        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA)));

        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_RESPONSE);
    }

    @Test
    void maxTokensStopIsAFailureThatKeepsTheText() {
        server.enqueue(Reply.text("{\"score\": ").withStopReason("max_tokens").withUsage(100, 256, 0, 0));

        JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA)));

        assertThat(e.kind()).isEqualTo(FailureKind.MAX_TOKENS);
        assertThat(e.kind().resultStatus()).isEqualTo(ResultStatus.PARSE_ERROR);
        assertThat(e.partialResponse()).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("{\"score\": ");
            assertThat(r.usage().outputTokens()).isEqualTo(256);
        });
    }

    @Test
    void contentFilteredAndGuardrailAreRefusals() {
        for (String stop : new String[] {"content_filtered", "guardrail_intervened"}) {
            server.enqueue(Reply.text("").withStopReason(stop));
            JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA)));
            assertThat(e.kind()).isEqualTo(FailureKind.REFUSED);
            assertThat(e.kind().resultStatus()).isEqualTo(ResultStatus.REFUSED);
        }
        server.enqueue(Reply.text("x").withStopReason("malformed_model_output"));
        assertThat(catchThrowableOfType(JudgeCallException.class, () -> client.call(request(NOVA))).kind())
                .isEqualTo(FailureKind.UNEXPECTED_STOP);
    }

    @Test
    void slowAnswerHitsTheAttemptTimeout() {
        try (BedrockJudgeClient impatient = clientFor(server.endpoint(), BedrockJudgeConfig.PromptCache.AUTO,
                Duration.ofMillis(300))) {
            server.enqueue(Reply.text("late").withDelay(Duration.ofSeconds(3)));

            JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> impatient.call(request(NOVA)));

            assertThat(e.kind()).isEqualTo(FailureKind.CLIENT_TIMEOUT);
            assertThat(e.kind().resultStatus()).isEqualTo(ResultStatus.TIMEOUT);
        }
    }

    @Test
    void refusedConnectionIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (BedrockJudgeClient nowhere = clientFor(URI.create("http://127.0.0.1:" + closedPort),
                BedrockJudgeConfig.PromptCache.AUTO, Duration.ofSeconds(2))) {
            JudgeCallException e = catchThrowableOfType(JudgeCallException.class, () -> nowhere.call(request(NOVA)));
            assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION_ERROR);
        }
    }

    @Test
    void retryLayerRecoversFromThrottlingAgainstTheServer() {
        server.enqueue(Reply.throttling(), Reply.serviceUnavailable(), Reply.text("{\"score\": 5}"));
        RetryingJudgeCaller caller = new RetryingJudgeCaller(client,
                new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)),
                new FixedLimiter(2));

        JudgeOutcome outcome = caller.call(new JudgeTask("k", request(NOVA)));

        assertThat(outcome).isInstanceOfSatisfying(JudgeOutcome.Succeeded.class,
                s -> assertThat(s.response().text()).isEqualTo("{\"score\": 5}"));
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.throttledAttempts()).isEqualTo(1);
        assertThat(server.receivedCount()).isEqualTo(3);
    }
}
