package dev.juror.judge;

import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Loads the AWS SDK's Bedrock request path before the first real call, on a thread of its own, so a
 * judge run's first request does not wait for it: about a second of class loading on a small
 * machine, which otherwise comes after opening the workspace and preparing the run instead of
 * beside it.
 *
 * <p>It builds a client the way {@link BedrockClientBuilder} builds every client, but with fixed
 * dummy credentials and {@link OfflineConverseHttpClient}, and makes two Converse calls through
 * {@link BedrockJudgeClient}. Nothing leaves the process: no socket is opened, no credentials are
 * looked up, nothing is stored. It also builds (and closes, unused) the Apache HTTP client the real
 * client uses. Whatever goes wrong is logged at debug level and ignored: the real call will show it.
 */
public final class BedrockWarmUp {

    private static final String REGION = "us-east-1";
    private static final int CALLS = 2;

    private BedrockWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static Thread startInBackground() {
        return Thread.ofPlatform().daemon().name("juror-bedrock-warm-up").start(BedrockWarmUp::run);
    }

    /** The warm-up itself, on the calling thread; returns the number of calls answered (for tests). */
    public static int run() {
        return run(CALLS);
    }

    /**
     * With this many calls. A start-up cache records the JIT's profiles of what its training run
     * executed, so the training makes many (the warm-up at start makes two: it must not take a core
     * from the work it runs beside).
     */
    public static int run(int calls) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(REGION);
        int answered = 0;
        try (BedrockJudgeClient client = BedrockJudgeClient.wrap(offlineSdk(config), config)) {
            // Built only to load the real client's HTTP client; closed unused.
            BedrockClientBuilder.httpClient(config).build().close();
            for (int i = 0; i < calls; i++) {
                JudgeResponse response = client.call(JudgeRequest.of("warm-up-" + i, "us.amazon.nova-pro-v1:0",
                        "Warm-up system prompt.", "Warm-up prefix.", "Warm-up suffix.", 0.0, 16));
                answered += response.text().isEmpty() ? 0 : 1;
            }
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(BedrockWarmUp.class).debug("Bedrock warm-up skipped", e);
        }
        return answered;
    }

    private static BedrockRuntimeClient offlineSdk(BedrockJudgeConfig config) {
        return BedrockClientBuilder.configured(config,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARMUP", "warm-up")))
                .httpClient(new OfflineConverseHttpClient(OfflineConverseHttpClient.answer("{}")))
                .build();
    }
}
