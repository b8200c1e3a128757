package dev.juror.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * What the reward records add to one event of 512 samples (issue #13: "logging never slows a
 * sample measurably"): the 512 EMF lines of {@code LambdaEventBenchmark}'s event, built and written
 * through an auto-flushing PrintStream to a file (one write call per line, as on Lambda's stdout).
 * The samples are scored once in setup against the loopback Converse server; only the writing is timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RewardRecordsBenchmark {

    @Param({"false", "true"})
    public boolean predictions;

    private ConverseTestServer server;
    private List<ScoredSample> scored;
    private RewardRecords records;
    private PrintStream stream;
    private Path file;

    @Setup
    public void score() throws Exception {
        server = ConverseTestServer.start();
        server.setDefault(Reply.text(LambdaFixtures.JUDGE_ANSWER).withUsage(4000, 160, 0, 0));
        BedrockJudgeClient client = BedrockJudgeClient.create(BedrockJudgeConfig.forRegion("us-east-1")
                .withEndpoint(server.endpoint()).withMaxConnections(64),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "dummy")));
        RewardRuntime runtime = RewardRuntime.withClient(LambdaFixtures.config().withConcurrency(64), client);
        ArrayNode samples = LambdaFixtures.JSON.createArrayNode();
        for (int i = 0; i < 512; i++) {
            samples.add(i % 2 == 0 ? LambdaFixtures.sampleA("s-" + i, LambdaFixtures.goodPrediction())
                    : LambdaFixtures.sampleB("s-" + i, LambdaFixtures.goodPrediction()));
        }
        scored = new RewardHandler(runtime).score(samples.toString().getBytes(StandardCharsets.UTF_8), null);
        file = Files.createTempFile("juror-reward-records", ".jsonl");
        stream = new PrintStream(new FileOutputStream(file.toFile()), true, StandardCharsets.UTF_8);
        records = new RewardRecords(true, predictions, runtime.handlerId(), runtime.config().rubricVersion(),
                stream::println, System.err);
        runtime.judge().close();
    }

    @TearDown
    public void stop() throws Exception {
        stream.close();
        Files.deleteIfExists(file);
        server.close();
    }

    @Benchmark
    public int write512() {
        records.write(scored);
        return scored.size();
    }
}
