package dev.juror.testing.watch;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process CloudWatch Logs on 127.0.0.1 that answers FilterLogEvents (AWS JSON 1.1, target
 * {@code Logs_20140328.FilterLogEvents}) from a fixed list of messages, {@code pageSize} events a
 * page, with {@code nextToken} ("page-N") until the last page. Every request body is kept, so a test
 * sees the tokens and filters the client sent. Signatures are not checked.
 */
public final class LoopbackCloudWatchLogs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> messages;
    private final int pageSize;
    private final long firstTimestamp;
    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> targets = new CopyOnWriteArrayList<>();

    private LoopbackCloudWatchLogs(List<String> messages, int pageSize, long firstTimestamp) throws IOException {
        this.messages = List.copyOf(messages);
        this.pageSize = pageSize;
        this.firstTimestamp = firstTimestamp;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackCloudWatchLogs start(List<String> messages, int pageSize, long firstTimestamp)
            throws IOException {
        return new LoopbackCloudWatchLogs(messages, pageSize, firstTimestamp);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The FilterLogEvents request bodies received, first first. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The X-Amz-Target of each request. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            targets.add(target);
            if (!target.endsWith(".FilterLogEvents")) {
                send(exchange, 400, "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            requests.add(request);
            int page = request.hasNonNull("nextToken")
                    ? Integer.parseInt(request.get("nextToken").asText().substring("page-".length())) : 0;
            ObjectNode response = JSON.createObjectNode();
            ArrayNode events = response.putArray("events");
            int from = page * pageSize;
            for (int i = from; i < Math.min(messages.size(), from + pageSize); i++) {
                ObjectNode e = events.addObject();
                e.put("logStreamName", "2026/12/08/[$LATEST]stub");
                e.put("timestamp", firstTimestamp + i);
                e.put("message", messages.get(i));
                e.put("ingestionTime", firstTimestamp + i + 50);
                e.put("eventId", "ev" + i);
            }
            if (from + pageSize < messages.size()) {
                response.put("nextToken", "page-" + (page + 1));
            }
            response.putArray("searchedLogStreams");
            send(exchange, 200, JSON.writeValueAsString(response));
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
