package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeServiceClientConfiguration;

/** What the one Bedrock client builder sets, read back from the SDK client it built. */
class BedrockClientBuilderTest {

    private static final StaticCredentialsProvider DUMMY = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDTEST", "test-secret"));

    @Test
    void regionEndpointTimeoutsComeFromTheConfigAndTheSdkNeverRetries() {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion("eu-central-1")
                .withEndpoint(URI.create("http://127.0.0.1:9"))
                .withTimeouts(Duration.ofSeconds(40), Duration.ofSeconds(35));
        try (BedrockRuntimeClient sdk = BedrockClientBuilder.build(config, DUMMY)) {
            BedrockRuntimeServiceClientConfiguration built = sdk.serviceClientConfiguration();
            assertThat(built.region()).isEqualTo(Region.EU_CENTRAL_1);
            assertThat(built.endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
            ClientOverrideConfiguration o = built.overrideConfiguration();
            assertThat(o.apiCallTimeout()).contains(Duration.ofSeconds(40));
            assertThat(o.apiCallAttemptTimeout()).contains(Duration.ofSeconds(35));
            assertThat(o.retryStrategy()).isPresent();
            assertThat(o.retryStrategy().get().maxAttempts())
                    .as("every attempt goes through RetryingJudgeCaller, none inside the SDK").isEqualTo(1);
            assertThat(built.credentialsProvider()).isSameAs(DUMMY);
        }
    }

    @Test
    void withoutAnEndpointOverrideTheSdkStandardEndpointSettingsStillApply() {
        try (BedrockRuntimeClient sdk = BedrockClientBuilder.build(BedrockJudgeConfig.forRegion("us-east-1"), DUMMY)) {
            assertThat(sdk.serviceClientConfiguration().endpointOverride()).isEmpty();
        }
    }

    @Test
    void aNamedProfileIsUsedWhenGivenAndTheDefaultChainOtherwise() {
        assertThat(BedrockClientBuilder.credentials(BedrockJudgeConfig.forRegion("us-east-1").withProfile("team")))
                .isInstanceOf(ProfileCredentialsProvider.class);
        assertThat(BedrockClientBuilder.credentials(BedrockJudgeConfig.forRegion("us-east-1")))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void theLambdaConfigDiffersOnlyInWhatItNames() {
        BedrockJudgeConfig lambda = BedrockJudgeConfig.forLambda("us-west-2", Duration.ofSeconds(60),
                Duration.ofSeconds(55), 32, BedrockJudgeConfig.PromptCache.OFF);
        assertThat(lambda.profileName()).as("the execution role, through the default chain").isEmpty();
        assertThat(lambda.endpointOverride()).as("AWS_ENDPOINT_URL_BEDROCK_RUNTIME still applies").isEmpty();
        assertThat(lambda.maxConnections()).isEqualTo(32);
        assertThat(lambda).isEqualTo(BedrockJudgeConfig.forRegion("us-west-2")
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(55)).withMaxConnections(32)
                .withPromptCache(BedrockJudgeConfig.PromptCache.OFF));
    }
}
