package dev.juror.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

class BedrockWarmUpTest {

    @Test
    void warmUpAnswersItsCallsThroughTheSdkPipeline() {
        assertThat(BedrockWarmUp.run()).isEqualTo(2);
    }

    @Test
    void offlineClientSeesTheSignedRequestAndAnswersWithoutANetwork() {
        Recording recording = new Recording(new OfflineConverseHttpClient(OfflineConverseHttpClient.answer("{}")));
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion("eu-west-1");
        try (BedrockJudgeClient client = BedrockJudgeClient.wrap(BedrockClientBuilder.configured(config,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .httpClient(recording).build(), config)) {
            JudgeResponse response = client.call(JudgeRequest.of("k", "us.amazon.nova-pro-v1:0", "system", "prefix",
                    "suffix", 0.0, 16));
            assertThat(response.text()).isEqualTo("{}");
        }
        assertThat(recording.host).isEqualTo("bedrock-runtime.eu-west-1.amazonaws.com");
        assertThat(recording.authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/");
        assertThat(recording.body).contains("\"text\":\"system\"");
    }

    /** Wraps the offline client to see what the SDK handed it. */
    private static final class Recording implements SdkHttpClient {
        private final SdkHttpClient delegate;
        String host;
        String authorization;
        String body;

        Recording(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            host = request.httpRequest().host();
            authorization = request.httpRequest().firstMatchingHeader("Authorization").orElse("");
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            request.contentStreamProvider().ifPresent(p -> {
                try (var in = p.newStream()) {
                    in.transferTo(copy);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            body = copy.toString(StandardCharsets.UTF_8);
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

}
