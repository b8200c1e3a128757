package dev.juror.bench;

import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.OfflineConverseHttpClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Client-side CPU cost of one judge call through the AWS SDK without any network: request
 * building, JSON marshalling, SigV4 signing, response unmarshalling and text joining. The HTTP
 * client is {@link OfflineConverseHttpClient}: it drains the request body and returns a canned Converse answer.
 * Reports average wall time per call and, on stderr, the calling thread's CPU time per call
 * (the SDK does all this work on the calling thread).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class JudgeClientOverheadBenchmark {

    private static final byte[] ANSWER = ("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":["
            + "{\"reasoningContent\":{\"reasoningText\":{\"text\":\"thinking\",\"signature\":\"s\"}}},"
            + "{\"text\":\"{\\\"scores\\\": [{\\\"comment_id\\\": 1, \\\"accuracy\\\": 4, \\\"justification\\\": \\\"ok\\\"}]}\"}]}},"
            + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":900,\"outputTokens\":40,\"totalTokens\":2988,"
            + "\"cacheReadInputTokens\":2048,\"cacheWriteInputTokens\":0},\"metrics\":{\"latencyMs\":100}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BedrockJudgeClient client;
    private long cpuNanos;
    private long calls;
    private JudgeRequest request;

    @Setup
    public void setUp() {
        BedrockRuntimeClient sdk = BedrockRuntimeClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")))
                .httpClient(new OfflineConverseHttpClient(ANSWER))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        client = BedrockJudgeClient.wrap(sdk, BedrockJudgeConfig.forRegion("us-east-1"));
        // A realistic judge prompt: ~8 KB static prefix (contract + reference), ~2 KB prediction.
        request = JudgeRequest.of("bench", "us.amazon.nova-pro-v1:0", "You are a strict legal reviewer. ".repeat(30),
                "Clause 4.2 The supplier shall indemnify... ".repeat(190), "{\"comments\": [...]} ".repeat(100), 0.0, 512);
    }

    @TearDown
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public JudgeResponse converseThroughSdk() {
        long before = THREADS.getCurrentThreadCpuTime();
        JudgeResponse response = client.call(request);
        cpuNanos += THREADS.getCurrentThreadCpuTime() - before;
        calls++;
        return response;
    }

    /** Wall time per op is inflated on a shared machine; thread CPU time is not. */
    @TearDown(Level.Iteration)
    public void printCpuPerCall() {
        System.err.printf("%n  thread CPU per call: %.1f us over %d calls%n", cpuNanos / 1000.0 / Math.max(1, calls), calls);
        cpuNanos = 0;
        calls = 0;
    }
}
