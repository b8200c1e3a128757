package dev.juror.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Priming ({@link RewardPriming}, {@link PrimingSchedule}): it leaves rewards unchanged, sends its
 * requests only to its own loopback stub (never to the configured endpoint, with no credentials
 * configured), and a failing priming never fails init. Never real AWS.
 */
class RewardPrimingTest {

    /** One round; priming goes on while the JIT is busy, up to {@link #LIMIT}. */
    private static final int MIN_REQUESTS = RewardPriming.SAMPLES;
    private static final Duration LIMIT = Duration.ofSeconds(8);

    private ConverseTestServer server;

    @BeforeEach
    void judgeServer() {
        server = ConverseTestServer.start();
        server.setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER));
    }

    @AfterEach
    void cleanUp() {
        server.close();
        System.clearProperty("aws.endpointUrlBedrockRuntime");
    }

    private RewardRuntime runtime() throws Exception {
        BedrockJudgeClient client = BedrockJudgeClient.create(BedrockJudgeConfig.forRegion("us-east-1")
                .withEndpoint(server.endpoint()), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")));
        return RewardRuntime.withClient(LambdaFixtures.config(), client);
    }

    private static String event() {
        return LambdaFixtures.event(
                LambdaFixtures.sampleA("a", LambdaFixtures.goodPrediction()),
                LambdaFixtures.sampleB("b", LambdaFixtures.prediction("A second, different comment on the same clause.")),
                LambdaFixtures.sampleD("d", LambdaFixtures.goodPrediction()),
                LambdaFixtures.sampleA("floored", "not json at all")).toString();
    }

    private static JsonNode invoke(RewardHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                TestContexts.withBudget(60_000));
        return LambdaFixtures.JSON.readTree(out.toByteArray());
    }

    @Test
    void primingLeavesTheRewardsUnchanged() throws Exception {
        JsonNode unprimed = invoke(new RewardHandler(runtime()), event());

        RewardRuntime runtime = runtime();
        RewardPriming.Report report = new RewardPriming(runtime, MIN_REQUESTS, LIMIT).run();
        JsonNode primed = invoke(new RewardHandler(runtime), event());

        assertThat(report.stubRequests()).isPositive();
        assertThat(primed).isEqualTo(unprimed);
        assertThat(primed.get(0).get("aggregate_reward_score").asDouble()).isEqualTo(LambdaFixtures.JUDGE_REWARD);
        assertThat(primed.get(3).get("aggregate_reward_score").asDouble()).isZero();
    }

    @Test
    void primingSendsItsRequestsOnlyToItsLoopbackStubWithoutCredentials() throws Exception {
        // The SDK's standard endpoint setting names the "real" judge; priming must not reach it.
        System.setProperty("aws.endpointUrlBedrockRuntime", server.endpoint().toString());
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        RewardRuntime runtime = runtime();
        int before = server.receivedCount();

        RewardPriming.Report report = new RewardPriming(runtime, MIN_REQUESTS, LIMIT).run();

        assertThat(report.stubRequests()).isPositive();
        assertThat(server.receivedCount()).isEqualTo(before);
        try (LoopbackConverseStub stub = LoopbackConverseStub.start()) {
            BedrockJudgeConfig primingClient = new RewardPriming(runtime, 1, Duration.ofSeconds(1)).clientConfig(stub);
            assertThat(primingClient.endpointOverride()).contains(stub.endpoint());
            assertThat(InetAddress.getByName(stub.endpoint().getHost()).isLoopbackAddress()).isTrue();
            assertThat(primingClient.profileName()).isEmpty();
        }
    }

    @Test
    void aFailingPrimingNeverFailsInit() throws Exception {
        RewardRuntime runtime = runtime();
        RewardPriming failing = new RewardPriming(runtime, MIN_REQUESTS, Duration.ofSeconds(30)) {
            @Override
            Report run() throws IOException {
                throw new IOException("priming failure injected by the test");
            }
        };
        assertThat(failing.runQuietly()).isNull();

        RewardHandler handler = new RewardHandler(runtime, failing, PrimingSchedule.When.INIT);

        JsonNode results = invoke(handler, event());
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("aggregate_reward_score").asDouble()).isEqualTo(LambdaFixtures.JUDGE_REWARD);
    }

    @Test
    void primingRunsInInitOrInTheSnapStartHookOrNotAtAll() throws Exception {
        Map<String, String> none = Map.of();
        assertThat(PrimingSchedule.when(none::get, none::get)).isEqualTo(PrimingSchedule.When.INIT);
        Map<String, String> snapStart = Map.of(PrimingSchedule.INIT_TYPE_ENV, "snap-start");
        assertThat(PrimingSchedule.when(none::get, snapStart::get)).isEqualTo(PrimingSchedule.When.BEFORE_CHECKPOINT);
        Map<String, String> onDemand = Map.of(PrimingSchedule.INIT_TYPE_ENV, "on-demand");
        assertThat(PrimingSchedule.when(none::get, onDemand::get)).isEqualTo(PrimingSchedule.When.INIT);
        Map<String, String> off = Map.of(PrimingSchedule.SWITCH_PROPERTY, "off");
        assertThat(PrimingSchedule.when(off::get, snapStart::get)).isEqualTo(PrimingSchedule.When.OFF);
        Map<String, String> envOff = Map.of(PrimingSchedule.SWITCH_ENV, "OFF", PrimingSchedule.INIT_TYPE_ENV, "snap-start");
        assertThat(PrimingSchedule.when(none::get, envOff::get)).isEqualTo(PrimingSchedule.When.OFF);

        AtomicInteger runs = new AtomicInteger();
        RewardRuntime runtime = runtime();
        RewardPriming counting = new RewardPriming(runtime, 1, Duration.ofSeconds(1)) {
            @Override
            Report run() {
                runs.incrementAndGet();
                return new Report(0, 0, 0);
            }
        };
        new RewardHandler(runtime, counting, PrimingSchedule.When.OFF);
        assertThat(runs).hasValue(0);
        new RewardHandler(runtime, counting, PrimingSchedule.When.INIT);
        assertThat(runs).hasValue(1);
        PrimingSchedule hook = PrimingSchedule.start(counting, PrimingSchedule.When.BEFORE_CHECKPOINT);
        assertThat(runs).as("registered for the snapshot, not run in init").hasValue(1);
        hook.beforeCheckpoint(null);
        assertThat(runs).hasValue(2);
    }
}
