package dev.juror.testing.batch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.juror.testing.batch.StubObjectFiles.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the loopback S3 answers: S3's headers, its XML error body, objects with an optional byte range. */
final class S3Responses {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private S3Responses() {
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    static void error(HttpExchange exchange, S3Error error) throws IOException {
        drain(exchange);
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + S3Listing.xml(error.code())
                + "</Code><Message>" + S3Listing.xml(error.message()) + "</Message><RequestId>" + requestId(exchange)
                + "</RequestId></Error>";
        if (exchange.getRequestMethod().equals("HEAD")) {
            empty(exchange, error.status(), Map.of()); // HEAD answers carry no body; the SDK goes by the status
        } else {
            xml(exchange, error.status(), body);
        }
    }

    static void xml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        requestId(exchange);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void empty(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        drain(exchange);
        headers.forEach(exchange.getResponseHeaders()::set);
        requestId(exchange);
        exchange.sendResponseHeaders(status, -1);
    }

    /** GetObject (the whole object or one {@code Range: bytes=a-b}) or HeadObject. */
    static void object(HttpExchange exchange, StoredObject object, StubObjectFiles store, boolean head) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("ETag", object.etag());
        h.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)));
        h.set("Content-Type", object.contentType());
        h.set("Accept-Ranges", "bytes");
        requestId(exchange);
        long first = 0;
        long last = object.size() - 1;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && !head) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                error(exchange, new S3Error(416, "InvalidRange", "The requested range is not satisfiable: " + range));
                return;
            }
            if (m.group(1).isEmpty()) {
                first = Math.max(0, object.size() - Long.parseLong(m.group(2)));
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? last : Math.min(last, Long.parseLong(m.group(2)));
            }
            if (first > last) {
                error(exchange, new S3Error(416, "InvalidRange", "The requested range is not satisfiable: " + range));
                return;
            }
            status = 206;
            h.set("Content-Range", "bytes " + first + "-" + last + "/" + object.size());
        }
        long length = last - first + 1;
        if (head) {
            h.set("Content-Length", Long.toString(object.size()));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) {
            return;
        }
        try (InputStream in = store.open(object); OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static String requestId(HttpExchange exchange) {
        String id = exchange.getResponseHeaders().getFirst("x-amz-request-id");
        if (id == null) {
            id = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
            exchange.getResponseHeaders().set("x-amz-request-id", id);
            exchange.getResponseHeaders().set("x-amz-id-2", id);
        }
        return id;
    }

    /** Reads what is left of a request body, so the connection can be reused after an early answer. */
    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away; the answer will fail too
        }
    }
}
