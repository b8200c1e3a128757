package dev.juror.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.JudgeRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs the reward's whole request path hundreds to thousands of times before the first real event,
 * so a new execution environment does not meet its first 512-sample event with cold code: the
 * Lambda's java21 runtime compiles with C1 only, which compiles a method after a few hundred calls
 * (more while its queue is long), and the first big event used to spend about half its time
 * interpreting the AWS SDK's pipeline.
 *
 * <p>Priming never calls AWS and needs no credentials: it starts a {@link LoopbackConverseStub} on
 * 127.0.0.1, builds a second judge client with the handler's own client settings but that stub as
 * endpoint override and static dummy keys, and sends rounds of a synthetic event through a handler
 * with the deployed configuration and rubric (checks, prompt rendering, limiter, SDK, output
 * parsing, aggregation); when the rubric's checks stop the synthetic samples before the judge, plain
 * Converse requests with the rubric's real system prompt take their place. Rounds go on until the
 * minimum number of requests is reached and the JIT has settled, or the time limit; then client and
 * stub are closed. The real client is untouched: it opens no connection and resolves no credentials
 * here. The priming results are thrown away (the stub's answer is no valid judgement, so they are
 * neutral); shared state is limited to loaded classes, compiled code and the rubric caches, which
 * hold the same values whoever fills them. Any failure is reported on stderr and ignored. Not final:
 * tests make it fail.
 */
class RewardPriming {

    /** Converse requests priming makes at least in init: a few hundred calls get C1 to compile the SDK's per-request methods. */
    static final int INIT_REQUESTS = 256;
    /**
     * Before a snapshot: C1 raises its compile thresholds while its queue is long, and a fresh JVM's
     * queue stays long for a few thousand requests, so code that ran often enough may still be
     * interpreted; priming before a snapshot is paid once per published version, so it goes on longer.
     */
    static final int SNAPSHOT_REQUESTS = 2048;
    /** Samples of the synthetic event sent through the priming handler in each round. */
    static final int SAMPLES = 64;
    /** After the minimum, rounds go on while the JIT still spent more than this share of the last round compiling. */
    static final double SETTLED_COMPILE_SHARE = 0.05;

    /** Longest priming may take in init: the Lambda's init phase has 10 s without SnapStart. */
    static final Duration INIT_TIME_LIMIT = Duration.ofSeconds(5);
    /** Longest priming may take before a SnapStart snapshot (paid once per published version, not per cold start). */
    static final Duration SNAPSHOT_TIME_LIMIT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_CLAUSE = "Either party may terminate this Agreement with immediate effect by "
            + "written notice if the other party commits a material breach of any term of this Agreement.";
    private static final String REFERENCE_CLAUSE = "Termination for breach must allow a cure period of at least "
            + "thirty days after written notice describing the breach.";

    private final RewardRuntime runtime;
    private final int minRequests;
    private final Duration timeLimit;

    RewardPriming(RewardRuntime runtime, int minRequests, Duration timeLimit) {
        this.runtime = runtime;
        this.minRequests = minRequests;
        this.timeLimit = timeLimit;
    }

    /** What one priming run did. */
    record Report(int stubRequests, int rounds, long millis) {
    }

    /** Time the JIT compilers have spent so far (0 when the JVM does not say). */
    private static long compilationMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Primes; never throws. Returns what was done, or {@code null} after a failure (logged). */
    Report runQuietly() {
        long start = System.nanoTime();
        try {
            Report report = run();
            System.err.println("juror-reward: primed the judge path with " + report.stubRequests()
                    + " requests to a loopback stub in " + report.rounds() + " rounds, " + report.millis()
                    + " ms (no AWS call)");
            return report;
        } catch (Exception | LinkageError e) {
            System.err.println("juror-reward: priming skipped after " + (System.nanoTime() - start) / 1_000_000
                    + " ms: " + e);
            return null;
        }
    }

    /** Primes; throws what went wrong (the caller ignores it). */
    Report run() throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeLimit.toNanos();
        try (LoopbackConverseStub stub = LoopbackConverseStub.start();
             BedrockJudgeClient client = BedrockJudgeClient.create(clientConfig(stub), dummyCredentials())) {
            RewardHandler handler = new RewardHandler(RewardRuntime.assemble(runtime.config(), runtime.rubric(), client));
            byte[] event = event(SAMPLES);
            int rounds = 0;
            long compiledBefore = compilationMillis();
            while (System.nanoTime() < deadline) {
                long roundStart = System.nanoTime();
                int before = stub.requests();
                boolean inTime = runWithin(deadline, () -> handler.handle(event, null));
                int left = SAMPLES - (stub.requests() - before);
                if (inTime && left > 0) {
                    // The rubric's checks stopped the synthetic samples: reach the SDK directly.
                    inTime = runWithin(deadline, () -> converse(client, left));
                }
                rounds++;
                long compiled = compilationMillis();
                long roundMillis = (System.nanoTime() - roundStart) / 1_000_000;
                boolean settled = compiled - compiledBefore <= roundMillis * SETTLED_COMPILE_SHARE;
                compiledBefore = compiled;
                if (!inTime || stub.requests() >= minRequests && settled) {
                    break;
                }
            }
            return new Report(stub.requests(), rounds, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The handler's own client settings with the stub as endpoint: the only place priming's requests can go. */
    BedrockJudgeConfig clientConfig(LoopbackConverseStub stub) {
        return RewardRuntime.bedrockConfig(runtime.config()).withEndpoint(stub.endpoint());
    }

    private static StaticCredentialsProvider dummyCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMINGKEYID", "priming-not-a-secret"));
    }

    /** Runs work on its own thread; false when it stopped waiting at the deadline (closing the stub then fails what is left). */
    private static boolean runWithin(long deadline, Runnable work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "juror-reward-priming");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> done = thread.submit(work);
            done.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException late) {
            return false;
        } finally {
            thread.shutdownNow();
        }
    }

    /** Plain Converse calls with the rubric's system prompt, as many in flight as the pool holds. */
    private void converse(BedrockJudgeClient client, int count) {
        LambdaConfig config = runtime.config();
        String prefix = documents();
        String suffix = "<Candidate>\n" + prediction() + "\n</Candidate>";
        Semaphore inFlight = new Semaphore(config.concurrency());
        // Closing the executor waits for every call; their answers (and failures) do not matter.
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                JudgeRequest request = JudgeRequest.of("priming-" + i, config.judgeModelId(), config.systemPrompt(),
                        prefix, suffix, 0.0, 1024);
                workers.submit(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        return client.call(request);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    /** A synthetic event in the contract's main shape: documents in tags, one comment quoting the target. */
    static byte[] event(int samples) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < samples; i++) {
            ObjectNode sample = array.addObject();
            sample.put("id", "priming-" + i);
            ArrayNode messages = sample.putArray("messages");
            messages.addObject().put("role", "system").put("content", "You review contracts. Answer with a JSON list.");
            messages.addObject().put("role", "user").put("content", "Review the contract.\n" + documents());
            messages.addObject().put("role", "assistant").put("content", prediction());
            sample.putObject("reference_answer").put("issue", "no cure period");
        }
        return array.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String documents() {
        StringBuilder target = new StringBuilder();
        for (int clause = 1; clause <= 24; clause++) {
            target.append(clause).append(". ").append(TARGET_CLAUSE).append('\n');
        }
        return "<TargetDocument>\n" + target + "</TargetDocument>\n<Reference>\n" + REFERENCE_CLAUSE + "\n</Reference>";
    }

    private static String prediction() {
        ArrayNode comments = JSON.createArrayNode();
        ObjectNode c = comments.addObject();
        c.put("comment_id", "c1");
        c.put("text_excerpt", "terminate this Agreement with immediate effect by written notice");
        c.put("comment", "Termination without a cure period exposes the customer to a sudden loss of supply.");
        c.put("comment_type", "risk");
        c.put("recommended_action", "Add a thirty-day cure period before either party may terminate for breach.");
        return comments.toString();
    }
}
