package dev.juror.testing.batch;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real SDK clients pointed at the loopback stubs, as a test would build them: region us-east-1,
 * dummy static keys (the stubs check no signature), the SDK's default retries, short timeouts.
 */
public final class StubClients {

    /** Dummy keys, never real credentials. */
    public static final StaticCredentialsProvider DUMMY_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDLOOPBACKSTUBTEST", "loopback-stub-secret-not-real"));

    private StubClients() {
    }

    /** An S3 client for the stub at {@code endpoint}, path-style. */
    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClientBuilder(http())
                .build();
    }

    /** A Bedrock control-plane client for the stub at {@code endpoint}. */
    public static BedrockClient bedrock(URI endpoint) {
        return BedrockClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClientBuilder(http())
                .build();
    }

    private static Apache5HttpClient.Builder http() {
        return Apache5HttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30));
    }
}
