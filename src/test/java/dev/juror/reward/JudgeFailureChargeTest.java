package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.FixedLimiter;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.OpenAiCompatibleJudgeClient;
import dev.juror.judge.OpenAiJudgeConfig;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.rubric.Rubric;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Issue #18 section 2: a judge failure caused by the prediction gets the floor, a failure of the
 * service stays neutral, and both are counted. The whole reward path runs: {@link CompositeReward}
 * with {@link EngineJudgeScorer} over an {@link LlmJudge} whose Bedrock (or OpenAI-compatible)
 * client talks to the local Converse test server.
 */
class JudgeFailureChargeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Rubric RUBRIC = CompositeRewardTest.RUBRIC;
    private static final String MODEL = "us.amazon.nova-pro-v1:0";
    private static final String TARGET = "7.3 Rights to termination. Either party shall have the right to summarily "
            + "terminate this Agreement by notice in writing if the other party commits a material breach.";
    private static final String REFERENCE = "Playbook 4.2: termination for breach must allow a cure period of at "
            + "least 30 days.";
    private static final String EXCERPT = "summarily terminate this Agreement by notice in writing";
    /** A valid answer for a one-comment prediction with id c1: 4, 4, 4 -> 0.75. */
    private static final String ANSWER = "{\"comments\": [{\"comment_id\": \"c1\","
            + " \"TargetDocument_Grounding\": {\"score\": 4, \"justification\": \"quotes 7.3\"},"
            + " \"Reference_Consistency\": {\"score\": 4, \"justification\": \"playbook 4.2\"},"
            + " \"Actionability\": {\"score\": 4, \"justification\": \"concrete\"}, \"Comment_Score\": 4}],"
            + " \"Aggregate_Score\": {\"score\": 4, \"total_comments\": 1, \"rationale\": \"solid\"}}";

    private ConverseTestServer server;
    private final List<JudgeClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        server = ConverseTestServer.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(JudgeClient::close);
        server.close();
    }

    private static String comments(int n, String text) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 1; i <= n; i++) {
            ObjectNode c = array.addObject();
            c.put("comment_id", "c" + i);
            c.put("text_excerpt", EXCERPT);
            c.put("comment", text + " " + i + ".");
            c.put("comment_type", "risk");
            c.put("recommended_action", "Add a 30-day cure period before either party may terminate for breach.");
        }
        return array.toString();
    }

    private static String good() {
        return comments(1, "Termination without any cure period exposes the Customer to sudden loss of supply, note");
    }

    private static RewardInput input(String prediction) {
        return RewardInput.of("Review the contract against the playbook.", TARGET, REFERENCE, "", prediction);
    }

    private CompositeReward bedrockReward(Duration attemptTimeout) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion("us-east-1").withEndpoint(server.endpoint())
                .withTimeouts(attemptTimeout.plusSeconds(1), attemptTimeout);
        JudgeClient client = BedrockJudgeClient.create(config,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")));
        return reward(client);
    }

    private CompositeReward reward(JudgeClient client) {
        clients.add(client);
        LlmJudge judge = LlmJudge.builder(client, "bedrock", MODEL)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(10)))
                .limiter(new FixedLimiter(4)).build();
        return new CompositeReward(RewardConfig.fromRubric(RUBRIC), new EngineJudgeScorer(RUBRIC, judge));
    }

    private static void assertFloorChargedToPrediction(RewardOutcome out) {
        assertThat(out.reward()).as(out.detail()).isZero();
        assertThat(out.floored()).isTrue();
        assertThat(out.judgeError()).isTrue();
        assertThat(out.metricValue("judge_error", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("service_failure", -1)).isZero();
        assertThat(out.metricValue("floored", -1)).isEqualTo(1.0);
    }

    private static void assertNeutralChargedToService(RewardOutcome out) {
        assertThat(out.reward()).as(out.detail()).isEqualTo(0.5);
        assertThat(out.floored()).isFalse();
        assertThat(out.judgeError()).isTrue();
        assertThat(out.metricValue("judge_error", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("service_failure", -1)).isEqualTo(1.0);
        assertThat(out.metricValue("prediction_failure", -1)).isZero();
        assertThat(out.metricValue("floored", -1)).isZero();
    }

    @Test
    void sixtyJunkCommentsDrivingTheJudgeToItsOutputLimitGetTheFloor() {
        String junk = comments(60, "This clause could perhaps be reviewed, note");
        server.setDefault(Reply.text(ANSWER.substring(0, 300)).withStopReason("max_tokens"));
        RewardOutcome out = bedrockReward(Duration.ofSeconds(5)).score(input(junk), "junk");
        assertFloorChargedToPrediction(out);
        assertThat(out.judgeStatus()).isEqualTo("parse_error");
        assertThat(out.detail()).contains("output-token limit");
        assertThat(server.receivedCount()).as("max_tokens is not retried").isEqualTo(1);
    }

    @Test
    void openAiCompatibleFinishReasonLengthGetsTheFloorToo() {
        server.setDefault(Reply.text(ANSWER.substring(0, 300)).withStopReason("max_tokens"));
        RewardOutcome out = reward(new OpenAiCompatibleJudgeClient(OpenAiJudgeConfig.of(server.endpoint())))
                .score(input(comments(60, "Review this, note")), "junk");
        assertThat(server.lastRequest().route()).isEqualTo("openai");
        assertFloorChargedToPrediction(out);
    }

    @Test
    void throttlingServerErrorsAndTimeoutsStayNeutral() {
        List<Reply> failures = List.of(Reply.throttling(), Reply.internalServerError(), Reply.serviceUnavailable(),
                Reply.modelTimeout());
        for (Reply failure : failures) {
            server.setDefault(failure);
            RewardOutcome out = bedrockReward(Duration.ofSeconds(5)).score(input(good()), "k");
            assertNeutralChargedToService(out);
        }
        server.setDefault(Reply.text(ANSWER).withDelay(Duration.ofSeconds(2)));
        RewardOutcome late = bedrockReward(Duration.ofMillis(200)).score(input(good()), "slow");
        assertNeutralChargedToService(late);
        assertThat(late.judgeStatus()).isEqualTo("timeout");
    }

    @Test
    void unparseableAnswerThatEchoesThePredictionGetsTheFloor() {
        String prediction = good();
        server.setDefault(Reply.text("Let me restate the candidate first:\n" + prediction + "\nIt looks fine."));
        assertFloorChargedToPrediction(bedrockReward(Duration.ofSeconds(5)).score(input(prediction), "echo"));
    }

    @Test
    void echoInsideAJsonStringOfASchemaViolatingAnswerGetsTheFloor() throws Exception {
        String prediction = good();
        ObjectNode answer = JSON.createObjectNode().put("candidate", prediction);
        server.setDefault(Reply.text(JSON.writeValueAsString(answer)));
        RewardOutcome out = bedrockReward(Duration.ofSeconds(5)).score(input(prediction), "echo-json");
        assertFloorChargedToPrediction(out);
    }

    @Test
    void echoOfTheCandidateBlockDelimiterGetsTheFloor() {
        server.setDefault(Reply.text("{\"comments\": [ </candidate_0123456789abcdef0123456789abcdef> oops"));
        assertFloorChargedToPrediction(bedrockReward(Duration.ofSeconds(5)).score(input(good()), "tag"));
    }

    @Test
    void unparseableAnswerThatDoesNotEchoStaysNeutral() {
        server.setDefault(Reply.text("The response is great. Score: 5. It quotes '" + EXCERPT + "' correctly."));
        RewardOutcome out = bedrockReward(Duration.ofSeconds(5)).score(input(good()), "prose");
        assertNeutralChargedToService(out);
        assertThat(out.judgeStatus()).isEqualTo("parse_error");
    }

    @Test
    void anHonestAnswerIsScoredWithNoFailureCounted() {
        server.setDefault(Reply.text(ANSWER));
        RewardOutcome out = bedrockReward(Duration.ofSeconds(5)).score(input(good()), "ok");
        assertThat(out.reward()).isEqualTo(0.75);
        assertThat(out.metricValue("prediction_failure", -1)).isZero();
        assertThat(out.metricValue("service_failure", -1)).isZero();
        assertThat(out.metricValue("judge_error", -1)).isZero();
    }
}
