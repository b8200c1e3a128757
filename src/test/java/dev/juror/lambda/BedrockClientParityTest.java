package dev.juror.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reward Lambda and the workbench reach Bedrock through the same client builder: the same judge
 * request becomes the same Converse request on the wire, whether the endpoint comes from the SDK's
 * standard variable (the Lambda) or from the settings (the workbench and the command line).
 */
@ExtendWith(DummyAwsCredentials.class)
class BedrockClientParityTest {

    private static final String ENDPOINT_PROPERTY = "aws.endpointUrlBedrockRuntime";

    private ConverseTestServer server;

    @BeforeEach
    void start() {
        server = ConverseTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
        System.clearProperty(ENDPOINT_PROPERTY);
    }

    @Test
    void theLambdaAndTheWorkbenchSendTheSameConverseRequest() throws Exception {
        JudgeRequest request = JudgeRequest.of("k1", LambdaFixtures.MODEL, "You are a strict grader.",
                "CONTRACT: static part", "PREDICTION: dynamic part", 0.0, 512);

        System.setProperty(ENDPOINT_PROPERTY, server.endpoint().toString());
        try (JudgeClient lambda = RewardRuntime.bedrockClient(LambdaFixtures.config())) {
            lambda.call(request);
        }
        System.clearProperty(ENDPOINT_PROPERTY);
        JudgeSettings workbench = new JudgeSettings(Optional.of("us-east-1"), Optional.empty(),
                Optional.of(server.endpoint().toString()), Optional.empty(), Optional.empty(), Optional.of(4));
        try (JudgeClient cli = BedrockJudgeClient.create(JudgeFactory.bedrockConfig(workbench))) {
            cli.call(request);
        }

        List<RecordedRequest> seen = server.requests();
        assertThat(seen).hasSize(2);
        RecordedRequest fromLambda = seen.get(0);
        RecordedRequest fromWorkbench = seen.get(1);
        assertThat(fromLambda.route()).isEqualTo("converse");
        assertThat(fromWorkbench.modelId()).isEqualTo(fromLambda.modelId());
        assertThat(fromWorkbench.body()).isEqualTo(fromLambda.body());
        assertThat(fromWorkbench.header("Content-Type")).isEqualTo(fromLambda.header("Content-Type"));
        assertThat(fromWorkbench.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential="
                + DummyAwsCredentials.ACCESS_KEY_ID).contains("/us-east-1/bedrock/aws4_request");
        assertThat(fromLambda.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential="
                + DummyAwsCredentials.ACCESS_KEY_ID).contains("/us-east-1/bedrock/aws4_request");
    }

    @Test
    void theLambdaConnectionIsTheWorkbenchOneWithItsBudgetedTimeoutsAndPool() throws Exception {
        LambdaConfig config = LambdaFixtures.config();
        var lambda = RewardRuntime.bedrockConfig(config);
        assertThat(lambda.apiCallTimeout()).isEqualTo(config.apiCallTimeout());
        assertThat(lambda.attemptTimeout()).isEqualTo(config.attemptTimeout());
        assertThat(lambda.maxConnections()).isEqualTo(config.concurrency());
        assertThat(lambda.profileName()).isEmpty();
        assertThat(lambda.endpointOverride()).isEmpty();
        assertThat(lambda.promptCache()).isEqualTo(config.promptCache());
    }
}
