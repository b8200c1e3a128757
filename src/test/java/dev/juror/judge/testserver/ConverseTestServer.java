package dev.juror.judge.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP server that speaks the Bedrock Runtime Converse wire format
 * ({@code POST /model/{modelId}/converse}) and the OpenAI chat-completions format
 * ({@code POST /v1/chat/completions}), for tests and benchmarks of the judge clients.
 *
 * <p>Scripting: replies queued with {@link #enqueue} are used one per request, in order; when the
 * queue is empty the {@link #setDefault default reply} answers. In {@link #capacityMode capacity
 * mode} the server admits at most N requests at a time, answers admitted ones with the default
 * reply after a fixed delay and throttles the rest at once with 429 ThrottlingException, like a
 * quota-limited Bedrock account.
 *
 * <p>Errors follow the Converse wire format: status code, header
 * {@code x-amzn-ErrorType: <Type>:http://internal.amazon.com/coral/com.amazon.bedrock/} (the SDK
 * reads the part before the colon) and body {@code {"message": "..."}}.
 *
 * <p>Bounded: binds 127.0.0.1 only, caps scripted delays at {@link #MAX_DELAY}, records at most
 * {@link #MAX_RECORDED} requests, and stops itself after {@link #MAX_LIFETIME} if a test forgets to.
 */
public final class ConverseTestServer implements AutoCloseable {

    public static final Duration MAX_DELAY = Duration.ofSeconds(30);
    public static final int MAX_RECORDED = 20_000;
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Reply> defaultReply = new AtomicReference<>(Reply.text("{\"score\": 1}"));
    private final AtomicReference<java.util.function.Function<RecordedRequest, Reply>> responder = new AtomicReference<>();
    private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recordedCount = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicReference<java.time.Instant> firstRequestAt = new AtomicReference<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrentAdmitted = new AtomicInteger();
    private volatile int capacity = Integer.MAX_VALUE;
    private volatile Duration capacityDelay = Duration.ZERO;
    private final Thread watchdog;

    private ConverseTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(MAX_LIFETIME);
                close();
            } catch (InterruptedException closed) {
                // closed normally
            }
        });
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static ConverseTestServer start() {
        try {
            return new ConverseTestServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Converse test server on loopback", e);
        }
    }

    /** {@code http://127.0.0.1:PORT} — the endpoint override for the SDK and the OpenAI base URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replies used one per request, before the default. */
    public ConverseTestServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /**
     * Answers each request from its content (before the script and the default): for tests whose
     * client may send concurrent calls in any order.
     */
    public ConverseTestServer respondWith(java.util.function.Function<RecordedRequest, Reply> responder) {
        this.responder.set(responder);
        return this;
    }

    public ConverseTestServer setDefault(Reply reply) {
        defaultReply.set(reply);
        return this;
    }

    /** Admits at most {@code maxConcurrent} requests, answers them after {@code delay}, throttles the rest. */
    public ConverseTestServer capacityMode(int maxConcurrent, Duration delay) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = maxConcurrent;
        this.capacityDelay = clamp(delay);
        return this;
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(recorded);
    }

    public RecordedRequest lastRequest() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("the test server received no request");
        }
        return all.get(all.size() - 1);
    }

    /** When the first request of any kind arrived (wall clock, to compare with another process's start). */
    public Optional<java.time.Instant> firstRequestAt() {
        return Optional.ofNullable(firstRequestAt.get());
    }

    public int receivedCount() {
        return received.get();
    }

    /** Requests answered with 429 by capacity mode. */
    public int throttledCount() {
        return throttled.get();
    }

    /** Most requests ever admitted at once in capacity mode. */
    public int maxConcurrentAdmitted() {
        return maxConcurrentAdmitted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (received.incrementAndGet() == 1) {
                firstRequestAt.compareAndSet(null, java.time.Instant.now());
            }
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean openAi = path.equals("/v1/chat/completions");
            Optional<String> converseModel = converseModelId(path);
            if (!"POST".equals(exchange.getRequestMethod()) || (!openAi && converseModel.isEmpty())) {
                send(exchange, 404, "application/json", "{\"message\":\"no such route: " + path + "\"}", Map.of());
                return;
            }
            String model = openAi ? modelField(body) : converseModel.get();
            RecordedRequest request = new RecordedRequest(openAi ? "openai" : "converse", model, body,
                    exchange.getRequestHeaders());
            record(request);
            if (capacity != Integer.MAX_VALUE) {
                answerWithinCapacity(exchange, openAi);
                return;
            }
            var byContent = responder.get();
            Reply reply = byContent != null ? byContent.apply(request)
                    : Optional.ofNullable(script.poll()).orElseGet(defaultReply::get);
            sleep(reply.delay());
            answer(exchange, openAi, reply);
        } catch (IOException clientGone) {
            // The client timed out or was interrupted; nothing to answer.
        }
    }

    private void answerWithinCapacity(HttpExchange exchange, boolean openAi) throws IOException {
        int now = concurrent.incrementAndGet();
        if (now > capacity) {
            concurrent.decrementAndGet();
            throttled.incrementAndGet();
            answer(exchange, openAi, Reply.throttling());
            return;
        }
        maxConcurrentAdmitted.accumulateAndGet(now, Math::max);
        try {
            sleep(capacityDelay);
        } finally {
            // Released before answering, so a client that starts its next call on receipt is admitted.
            concurrent.decrementAndGet();
        }
        answer(exchange, openAi, defaultReply.get());
    }

    private void answer(HttpExchange exchange, boolean openAi, Reply reply) throws IOException {
        switch (reply) {
            case Reply.Answer a -> send(exchange, 200, "application/json", openAi ? chatCompletion(a) : converse(a), Map.of());
            case Reply.Failure f -> {
                if (openAi) {
                    ObjectNode root = JSON.createObjectNode();
                    root.putObject("error").put("message", f.message()).put("type", f.errorType());
                    send(exchange, f.status(), "application/json", root.toString(),
                            f.retryAfter().map(v -> Map.of("Retry-After", v)).orElse(Map.of()));
                } else {
                    ObjectNode root = JSON.createObjectNode().put("message", f.message());
                    send(exchange, f.status(), "application/json", root.toString(),
                            Map.of("x-amzn-ErrorType", f.errorType() + ERROR_TYPE_SUFFIX));
                }
            }
            case Reply.Malformed m -> send(exchange, 200, "application/json", m.body(), Map.of());
        }
    }

    private static String converse(Reply.Answer a) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message");
        message.put("role", "assistant");
        ArrayNode content = message.putArray("content");
        a.reasoning().ifPresent(r -> content.addObject().putObject("reasoningContent").putObject("reasoningText")
                .put("text", r).put("signature", "test-signature"));
        content.addObject().put("text", a.text());
        root.put("stopReason", a.stopReason());
        ObjectNode usage = root.putObject("usage");
        usage.put("inputTokens", a.inputTokens()).put("outputTokens", a.outputTokens())
                .put("totalTokens", a.inputTokens() + a.outputTokens() + a.cacheReadTokens() + a.cacheWriteTokens());
        if (a.cacheReadTokens() > 0 || a.cacheWriteTokens() > 0) {
            usage.put("cacheReadInputTokens", a.cacheReadTokens()).put("cacheWriteInputTokens", a.cacheWriteTokens());
        }
        root.putObject("metrics").put("latencyMs", a.delay().toMillis());
        return root.toString();
    }

    private static String chatCompletion(Reply.Answer a) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "test");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", a.text());
        a.reasoning().ifPresent(r -> message.put("reasoning_content", r));
        choice.put("finish_reason", switch (a.stopReason()) {
            case "end_turn" -> "stop";
            case "max_tokens" -> "length";
            case "content_filtered", "guardrail_intervened" -> "content_filter";
            default -> a.stopReason();
        });
        long prompt = a.inputTokens() + a.cacheReadTokens();
        ObjectNode usage = root.putObject("usage").put("prompt_tokens", prompt)
                .put("completion_tokens", a.outputTokens()).put("total_tokens", prompt + a.outputTokens());
        if (a.cacheReadTokens() > 0) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", a.cacheReadTokens());
        }
        return root.toString();
    }

    private static Optional<String> converseModelId(String rawPath) {
        String[] parts = rawPath.split("/");
        // "", "model", "<id>", "converse"
        if (parts.length == 4 && parts[1].equals("model") && parts[3].equals("converse")) {
            return Optional.of(URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
        }
        return Optional.empty();
    }

    private static String modelField(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root.path("model").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private void record(RecordedRequest request) {
        if (recordedCount.incrementAndGet() <= MAX_RECORDED) {
            recorded.add(request);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "test-" + System.nanoTime());
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        Duration d = clamp(delay);
        if (d.isPositive()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration clamp(Duration delay) {
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        watchdog.interrupt();
    }
}
