package dev.juror.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import dev.juror.lambda.LambdaConfig;
import dev.juror.lambda.LambdaFixtures;
import dev.juror.lambda.RewardHandler;
import dev.juror.lambda.RewardRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One reward event of 512 samples through {@link RewardHandler} (deterministic checks, prompt
 * rendering, real Bedrock SDK client, judge output parsing, aggregation) against the loopback
 * Converse server, which answers in 200 ms and admits 64 concurrent calls (429 for the rest).
 * Handler cap 64 (fixed limiter). Ideal wall time: 512 / 64 x 0.2 s = 1.6 s. Single-shot: one
 * invocation = one event. Aux counters: throttled calls and results that were not judged;
 * {@code cpuMillis}: process CPU time of the event (client and server share the process).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LambdaEventBenchmark {

    static final int SAMPLES = 512;
    static final int CAPACITY = 64;

    /** Server answer time; 0 measures the handler's own cost (checks, rendering, SDK, parsing). */
    @Param({"200"})
    public int serviceMillis;

    /**
     * {@code on}: one reward record per sample (CloudWatch EMF, issue #13) to a file through an
     * auto-flushing PrintStream, so every line is a write call as on Lambda's stdout; {@code off}
     * (default, so earlier commands measure what they did): none. {@code -p records=off,on} compares.
     */
    @Param({"off"})
    public String records;

    private java.nio.file.Path recordFile;
    private java.io.PrintStream recordStream;

    private ConverseTestServer server;
    private RewardHandler handler;
    private byte[] event;
    private int throttledBefore;

    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Counters {
        public long throttled;
        public long notJudged;
        public long cpuMillis;

        @Setup(Level.Iteration)
        public void reset() {
            throttled = 0;
            notJudged = 0;
            cpuMillis = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = ConverseTestServer.start();
        server.capacityMode(CAPACITY, Duration.ofMillis(serviceMillis)).setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER));
        LambdaConfig config = LambdaFixtures.config().withConcurrency(CAPACITY);
        BedrockJudgeClient client = BedrockJudgeClient.create(BedrockJudgeConfig.forRegion("us-east-1")
                .withEndpoint(server.endpoint()).withMaxConnections(CAPACITY),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")));
        RewardRuntime runtime = RewardRuntime.withClient(config, client);
        if (records.equals("on")) {
            recordFile = java.nio.file.Files.createTempFile("juror-reward-records", ".jsonl");
            recordStream = new java.io.PrintStream(new java.io.FileOutputStream(recordFile.toFile()), true,
                    StandardCharsets.UTF_8);
            handler = RewardHandler.withRecords(runtime, recordStream, false);
        } else {
            handler = new RewardHandler(runtime);
        }
        ArrayNode samples = LambdaFixtures.JSON.createArrayNode();
        for (int i = 0; i < SAMPLES; i++) {
            samples.add(i % 2 == 0 ? LambdaFixtures.sampleA("s-" + i, LambdaFixtures.goodPrediction())
                    : LambdaFixtures.sampleB("s-" + i, LambdaFixtures.goodPrediction()));
        }
        event = samples.toString().getBytes(StandardCharsets.UTF_8);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.close();
        if (recordStream != null) {
            recordStream.close();
            java.nio.file.Files.deleteIfExists(recordFile);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Benchmark
    public int event512(Counters counters) throws Exception {
        throttledBefore = server.throttledCount();
        long cpuBefore = cpu();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        JsonNode results = LambdaFixtures.JSON.readTree(out.toByteArray());
        for (JsonNode r : results) {
            if (r.get("aggregate_reward_score").asDouble() != LambdaFixtures.JUDGE_REWARD) {
                counters.notJudged++;
            }
        }
        counters.throttled += server.throttledCount() - throttledBefore;
        counters.cpuMillis += (cpu() - cpuBefore) / 1_000_000;
        if (results.size() != SAMPLES) {
            throw new IllegalStateException("expected " + SAMPLES + " results, got " + results.size());
        }
        return results.size();
    }
}
