package dev.juror.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.juror.judge.OfflineConverseHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process HTTP server that priming talks to instead of Bedrock: bound to 127.0.0.1 on a free
 * port, it answers every request at once with one canned Converse response, so the SDK's whole
 * request path (marshalling, signing, HTTP client, response parsing) runs without any network beyond
 * the loopback interface. Lives only for the priming run.
 */
final class LoopbackConverseStub implements AutoCloseable {

    /** What the priming judge "answers": well-formed Converse JSON whose text no rubric accepts, so priming results are neutral. */
    static final String CANNED_TEXT = "{\"priming\": true}";

    private static final byte[] RESPONSE = OfflineConverseHttpClient.answer(CANNED_TEXT);

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackConverseStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    static LoopbackConverseStub start() throws IOException {
        return new LoopbackConverseStub();
    }

    /** {@code http://127.0.0.1:PORT}: the priming client's endpoint override. */
    URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** Requests answered so far. */
    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, RESPONSE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(RESPONSE);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
