package dev.juror.testing.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An in-process Bedrock control plane on 127.0.0.1 for the batch calls, in the REST-JSON the SDK's
 * {@code BedrockClient} sends: CreateModelInvocationJob ({@code POST /model-invocation-job}),
 * GetModelInvocationJob ({@code GET /model-invocation-job/{jobIdentifier}}) and
 * StopModelInvocationJob ({@code POST /model-invocation-job/{jobIdentifier}/stop}). Jobs run on
 * background threads, reading their JSONL input from a {@link LoopbackS3} and writing shuffled
 * {@code .out} files and {@code manifest.json.out} back to it, as Bedrock does.
 *
 * <p>Settings (answers, left-out records, start delay, pace, failure, minimum, seed) apply to jobs
 * created after they are set. Errors are AWS REST-JSON: status, {@code x-amzn-ErrorType} header,
 * {@code {"message": ...}} body.
 */
public final class LoopbackBedrockBatch implements AutoCloseable {

    public static final String DEFAULT_REPLY = "{\"score\": 1}";
    static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";
    private static final String PATH = "/model-invocation-job";
    private static final int MAX_RECORDED = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackS3 s3;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, BatchJob> jobsById = new ConcurrentHashMap<>();
    private final Map<String, BatchJob> jobsByToken = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<StubRequest> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recordedCount = new AtomicInteger();
    private final AtomicInteger jobsStarted = new AtomicInteger();
    private final AtomicInteger createResponsesToLose = new AtomicInteger();
    private final JobIds ids = new JobIds();

    private volatile BiFunction<String, JsonNode, BatchAnswer> answer = BatchAnswer.constant(DEFAULT_REPLY);
    private volatile java.util.function.Predicate<String> omitted = id -> false;
    private volatile Duration startDelay = Duration.ZERO;
    private volatile double recordsPerSecond;
    private volatile String failMessage;
    private volatile int minimumRecords = 100;
    private volatile long shuffleSeed = 15;

    private LoopbackBedrockBatch(LoopbackS3 s3) throws IOException {
        this.s3 = s3;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1; jobs read and write objects of {@code s3}. */
    public static LoopbackBedrockBatch start(LoopbackS3 s3) {
        try {
            return new LoopbackBedrockBatch(s3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback Bedrock batch stub", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the Bedrock (control plane) client's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How records are answered: {@code (recordId, modelInput) -> answer}. Default: {@code BatchAnswer.constant(DEFAULT_REPLY)}. */
    public LoopbackBedrockBatch answerWith(BiFunction<String, JsonNode, BatchAnswer> answer) {
        this.answer = Objects.requireNonNull(answer);
        return this;
    }

    /** Every record answered with this text ({@link BatchAnswer#constant}). */
    public LoopbackBedrockBatch replyText(String text) {
        return answerWith(BatchAnswer.constant(text));
    }

    /** Records with these ids are left out of the output and the counts entirely (missing records). */
    public LoopbackBedrockBatch omitRecords(Collection<String> recordIds) {
        Set<String> ids = Set.copyOf(recordIds);
        this.omitted = ids::contains;
        return this;
    }

    /** Records whose id passes the test are left out of the output (as {@link #omitRecords}). */
    public LoopbackBedrockBatch omitRecordsWhere(java.util.function.Predicate<String> recordIds) {
        this.omitted = recordIds;
        return this;
    }

    /** Time a job stays Submitted before it runs (default none). */
    public LoopbackBedrockBatch startDelay(Duration delay) {
        this.startDelay = delay;
        return this;
    }

    /** Records answered per second, so tests can poll, stop or kill mid-job. */
    public LoopbackBedrockBatch pace(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("pace must be positive; use paceAtOnce()");
        }
        this.recordsPerSecond = recordsPerSecond;
        return this;
    }

    /** Every record answered at once (the default). */
    public LoopbackBedrockBatch paceAtOnce() {
        this.recordsPerSecond = 0;
        return this;
    }

    /** Jobs end Failed with this message after their start delay, writing nothing; null to stop failing. */
    public LoopbackBedrockBatch failJobs(String message) {
        this.failMessage = message;
        return this;
    }

    /** Fewest records a job accepts (default 100, the service's minimum). */
    public LoopbackBedrockBatch minimumRecords(int minimum) {
        this.minimumRecords = minimum;
        return this;
    }

    /** Seed of the output order's shuffle (default 15). */
    public LoopbackBedrockBatch shuffleSeed(long seed) {
        this.shuffleSeed = seed;
        return this;
    }

    /**
     * The next {@code count} creates start their job but answer 500 InternalServerException, as when
     * the response is lost: a client that retries with the same token must get the same job.
     */
    public LoopbackBedrockBatch loseCreateResponses(int count) {
        createResponsesToLose.set(count);
        return this;
    }

    /** Jobs started (a create with a known token starts none). */
    public int jobsStarted() {
        return jobsStarted.get();
    }

    /** ARNs of the jobs started, in no particular order (for a test whose client died before it kept one). */
    public List<String> jobArns() {
        return jobsById.values().stream().map(job -> job.arn).toList();
    }

    /** Requests received so far, with their JSON bodies, in arrival order. */
    public List<StubRequest> requests() {
        return new ArrayList<>(recorded);
    }

    /** A job's current status (Submitted, InProgress, Completed, ...), by ARN or id. */
    public String status(String jobArnOrId) {
        return job(jobArnOrId).orElseThrow(() -> new NoSuchElementException("no job " + jobArnOrId)).status();
    }

    /** Waits until the job has ended (Completed, PartiallyCompleted, Failed, Stopped) and returns its status. */
    public String awaitEnd(String jobArnOrId, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!BatchJob.ENDED.contains(status(jobArnOrId))) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("job " + jobArnOrId + " still " + status(jobArnOrId) + " after " + timeout);
            }
            Thread.sleep(10);
        }
        return status(jobArnOrId);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        // Running jobs stop as on StopModelInvocationJob (writing what they processed), so none
        // outlives the test; a job stuck beyond the grace time is interrupted.
        jobsById.values().forEach(BatchJob::requestStop);
        runners.shutdown();
        try {
            if (!runners.awaitTermination(2, TimeUnit.SECONDS)) {
                runners.shutdownNow();
            }
        } catch (InterruptedException e) {
            runners.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Optional<BatchJob> job(String arnOrId) {
        return Optional.ofNullable(jobsById.get(arnOrId.substring(arnOrId.lastIndexOf('/') + 1)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (recordedCount.incrementAndGet() <= MAX_RECORDED) {
                recorded.add(new StubRequest(method, exchange.getRequestURI().getPath(),
                        Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""), body));
            }
            String[] parts = rawPath.substring(1).split("/");
            try {
                if (method.equals("POST") && rawPath.equals(PATH)) {
                    create(exchange, body);
                } else if (parts.length == 2 && method.equals("GET") && rawPath.startsWith(PATH + "/")) {
                    send(exchange, 200, existing(parts[1]).describe(json));
                } else if (parts.length == 3 && method.equals("POST") && parts[2].equals("stop") && rawPath.startsWith(PATH + "/")) {
                    stop(exchange, existing(parts[1]));
                } else {
                    throw new BedrockError(404, "UnknownOperationException", "the stub has no " + method + " " + rawPath);
                }
            } catch (BedrockError e) {
                sendError(exchange, e);
            } catch (IOException | RuntimeException e) {
                sendError(exchange, new BedrockError(500, "InternalServerException", "loopback stub: " + e));
            }
        } catch (IOException clientGone) {
            // the client hung up; nothing to answer
        }
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        JsonNode parsed = json.readTree(body.isEmpty() ? "{}" : body);
        if (!(parsed instanceof ObjectNode request)) {
            throw new BedrockError(400, "ValidationException", "the request body is not a JSON object");
        }
        BatchJobRequests.validate(request);
        String token = request.path("clientRequestToken").asText("");
        synchronized (jobsByToken) {
            BatchJob same = token.isEmpty() ? null : jobsByToken.get(token);
            if (same != null) {
                send(exchange, 200, json.createObjectNode().put("jobArn", same.arn));
                return;
            }
            S3Address input = S3Address.parse(request.at("/inputDataConfig/s3InputDataConfig/s3Uri").asText());
            List<S3Address> files = BatchJobRequests.inputFiles(s3, input);
            int records = BatchJobRequests.countRecords(s3, files);
            if (records < minimumRecords) {
                throw new BedrockError(400, "ValidationException", "The input at " + input + " has " + records
                        + " records; a batch inference job needs at least " + minimumRecords + " records.");
            }
            S3Address output = S3Address.parse(request.at("/outputDataConfig/s3OutputDataConfig/s3Uri").asText());
            BatchJob job = new BatchJob(ids.next(), request, files, output, records, new BatchBehaviour(answer, omitted,
                    startDelay, recordsPerSecond, failMessage, shuffleSeed));
            jobsById.put(job.id, job);
            if (!token.isEmpty()) {
                jobsByToken.put(token, job);
            }
            jobsStarted.incrementAndGet();
            runners.execute(new BatchJobRunner(job, s3, json));
            if (createResponsesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new BedrockError(500, "InternalServerException", "response lost on purpose by the test");
            }
            send(exchange, 200, json.createObjectNode().put("jobArn", job.arn));
        }
    }

    private void stop(HttpExchange exchange, BatchJob job) throws IOException {
        if (!job.requestStop()) {
            throw new BedrockError(400, "ValidationException", "Job " + job.arn + " is " + job.status()
                    + " and cannot be stopped.");
        }
        send(exchange, 200, json.createObjectNode());
    }

    private BatchJob existing(String rawIdentifier) {
        String identifier = URLDecoder.decode(rawIdentifier, StandardCharsets.UTF_8);
        return job(identifier).orElseThrow(() -> new BedrockError(404, "ResourceNotFoundException",
                "Could not find a model invocation job " + identifier));
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "loopback-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendError(HttpExchange exchange, BedrockError error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type() + ERROR_TYPE_SUFFIX);
        send(exchange, error.status(), json.createObjectNode().put("message", error.getMessage()));
    }
}
