package dev.juror.bench;

import dev.juror.judge.BatchSummary;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.FailureKind;
import dev.juror.judge.JudgeBatchExecutor;
import dev.juror.judge.JudgeCallException;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeTask;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.Reply;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 2,000 judge calls through the real Bedrock SDK client against the loopback Converse server,
 * which answers in 100 ms and admits at most 32 concurrent requests (429 ThrottlingException for
 * the rest). Ideal wall time: 2000 x 0.1 s / 32 = 6.25 s.
 *
 * <ul>
 *   <li>{@code adaptive}: JudgeBatchExecutor, virtual threads, AIMD limiter (hard cap 64).</li>
 *   <li>{@code fixedPool2000}: one platform thread per sample (2,000 threads, no limiter, 2,000 HTTP
 *       connections), the same retry policy — the "one thread per sample" design.</li>
 * </ul>
 * Single-shot: one invocation = one whole batch. Aux counters: throttled attempts, failed results,
 * process CPU per call (client and server share the process, so this is an upper bound for the client).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JudgeBatchBenchmark {

    static final int CALLS = 2000;
    static final int CAPACITY = 32;
    static final Duration SERVICE_TIME = Duration.ofMillis(100);

    private ConverseTestServer server;
    private BedrockJudgeClient client;
    private List<JudgeTask> tasks;

    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Counters {
        public long throttledAttempts;
        public long failedResults;
        public long cpuMicrosPerCall;

        @Setup(Level.Iteration)
        public void reset() {
            throttledAttempts = 0;
            failedResults = 0;
            cpuMicrosPerCall = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        server = ConverseTestServer.start();
        server.capacityMode(CAPACITY, SERVICE_TIME).setDefault(Reply.text("{\"score\": 4}").withUsage(1500, 20, 0, 0));
        client = BedrockJudgeClient.create(BedrockJudgeConfig.forRegion("us-east-1").withEndpoint(server.endpoint())
                        .withMaxConnections(CALLS),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDBENCH", "bench")));
        tasks = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            String key = "rollout-" + i;
            tasks.add(new JudgeTask(key, JudgeRequest.of(key, "us.amazon.nova-pro-v1:0", "You are a strict grader.",
                    "CONTRACT ".repeat(200), "PREDICTION " + i, 0.0, 256)));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
    }

    @Benchmark
    public BatchSummary adaptive(Counters counters) throws InterruptedException {
        KindCountingClient counting = new KindCountingClient(client);
        return measure(JudgeBatchExecutor.builder(counting).retryPolicy(RetryPolicy.DEFAULT).adaptiveConcurrency(64),
                counting, counters);
    }

    @Benchmark
    public BatchSummary fixedPool2000(Counters counters) throws InterruptedException {
        KindCountingClient counting = new KindCountingClient(client);
        return measure(JudgeBatchExecutor.builder(counting).retryPolicy(RetryPolicy.DEFAULT).fixedConcurrency(CALLS)
                .workers(() -> Executors.newFixedThreadPool(CALLS)), counting, counters);
    }

    /** Counts failed attempts by kind, to tell throttles from connection errors and timeouts. */
    private static final class KindCountingClient implements JudgeClient {
        final JudgeClient delegate;
        final Map<FailureKind, LongAdder> kinds = new ConcurrentHashMap<>();

        KindCountingClient(JudgeClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public JudgeResponse call(JudgeRequest request) {
            try {
                return delegate.call(request);
            } catch (JudgeCallException e) {
                kinds.computeIfAbsent(e.kind(), k -> new LongAdder()).increment();
                throw e;
            }
        }

        @Override
        public String name() {
            return delegate.name();
        }
    }

    private BatchSummary measure(JudgeBatchExecutor.Builder builder, KindCountingClient counting, Counters counters)
            throws InterruptedException {
        JudgeBatchExecutor executor = builder.build();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        BatchSummary summary = executor.run(tasks, key -> false, outcome -> { },
                JudgeBatchExecutor.ProgressListener.NONE);
        long cpu = os.getProcessCpuTime() - cpuBefore;
        counters.throttledAttempts += summary.throttledAttempts();
        counters.failedResults += summary.failed();
        counters.cpuMicrosPerCall += cpu / 1000 / CALLS;
        System.err.printf("%n  batch: %d ok, %d failed, %d throttled attempts, %d retries, %.2f s, final limit %d,"
                        + " server max admitted %d, failed attempts by kind %s%n", summary.succeeded(), summary.failed(), summary.throttledAttempts(),
                summary.progress().retries(), summary.elapsed().toMillis() / 1000.0,
                summary.progress().concurrencyLimit(), server.maxConcurrentAdmitted(), counting.kinds);
        return summary;
    }
}
