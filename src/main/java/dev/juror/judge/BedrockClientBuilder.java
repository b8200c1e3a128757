package dev.juror.judge;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * The one place a Bedrock Runtime SDK client is built, for the workbench, the command line and the
 * reward Lambda alike, so the judge that was calibrated is deployed with the same client settings.
 * Everything that may differ between callers is a field of {@link BedrockJudgeConfig} (region,
 * profile, endpoint override, timeouts, pool size); everything else is fixed here:
 * <ul>
 *   <li>the SDK's own retries are off: {@link RetryingJudgeCaller} makes every attempt, so throttles
 *       are counted and the adaptive limiter sees each 429;</li>
 *   <li>the HTTP client is Apache HttpClient 5 with a pool of {@code maxConnections}, a
 *       {@link #CONNECT_TIMEOUT} to open a connection, the call's time to wait for a pooled one and
 *       the attempt's time as socket timeout;</li>
 *   <li>without an endpoint override the SDK's standard {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}
 *       variable (property {@code aws.endpointUrlBedrockRuntime}) still applies.</li>
 * </ul>
 */
public final class BedrockClientBuilder {

    /** Time to open a TCP/TLS connection; the same everywhere (a slow model is not a slow connect). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private BedrockClientBuilder() {
    }

    /** Credentials from the config's named profile, else from the AWS default chain (never stored by Juror). */
    public static BedrockRuntimeClient build(BedrockJudgeConfig config) {
        return build(config, credentials(config));
    }

    /** With an explicit credentials provider (tests use {@code StaticCredentialsProvider} with dummy keys). */
    public static BedrockRuntimeClient build(BedrockJudgeConfig config, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
        return configured(config, credentials).httpClientBuilder(httpClient(config)).build();
    }

    /** The HTTP client every Bedrock client uses. */
    static Apache5HttpClient.Builder httpClient(BedrockJudgeConfig config) {
        return Apache5HttpClient.builder()
                .maxConnections(config.maxConnections())
                .connectionTimeout(CONNECT_TIMEOUT)
                .connectionAcquisitionTimeout(config.apiCallTimeout())
                .socketTimeout(config.attemptTimeout());
    }

    /** Everything but the HTTP client, which {@link BedrockWarmUp} replaces with one that never opens a socket. */
    static BedrockRuntimeClientBuilder configured(BedrockJudgeConfig config, AwsCredentialsProvider credentials) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(config.apiCallTimeout())
                        .apiCallAttemptTimeout(config.attemptTimeout()));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** The named profile of {@code ~/.aws/config} when the config has one, else the default chain. */
    public static AwsCredentialsProvider credentials(BedrockJudgeConfig config) {
        return config.profileName()
                .<AwsCredentialsProvider>map(profile -> ProfileCredentialsProvider.builder().profileName(profile).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
