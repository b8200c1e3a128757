package dev.juror.testing.batch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.juror.testing.batch.StubObjectFiles.StoredObject;
import dev.juror.testing.batch.StubObjectFiles.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process S3 on 127.0.0.1 for tests: the few calls Juror's batch runs make, path-style
 * ({@code http://127.0.0.1:PORT/bucket/key}). PutObject, GetObject (with a byte range), HeadObject,
 * DeleteObject, ListObjectsV2 (prefix, delimiter, max-keys, continuation-token, start-after), and
 * CreateBucket/HeadBucket as no-ops: every bucket exists. Uploads in the SDK's {@code aws-chunked}
 * encoding are decoded, and their trailing checksum checked, so an object holds exactly the bytes
 * the client put. Signatures are not checked. Objects live in a temporary folder, deleted on close.
 *
 * <p>Java side, for arranging and asserting: {@link #put}, {@link #read}, {@link #keys},
 * {@link #requests()}, and {@link #failNextGet} to make one GET of a named object fail.
 */
public final class LoopbackS3 implements AutoCloseable {

    /** Requests kept for {@link #requests()}; a benchmark sends more, and they are not all needed. */
    public static final int MAX_RECORDED = 50_000;

    private final StubObjectFiles store = new StubObjectFiles();
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<StubRequest> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recordedCount = new AtomicInteger();
    private final AtomicInteger decodedUploads = new AtomicInteger();
    private final Map<String, ConcurrentLinkedQueue<S3Error>> getFailures = new ConcurrentHashMap<>();

    private LoopbackS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1. */
    public static LoopbackS3 start() {
        try {
            return new LoopbackS3();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback S3", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the S3 client's endpoint override (with path-style access). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores an object as if PutObject had. */
    public void put(String bucket, String key, byte[] content) {
        try (OutputStream out = create(bucket, key)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a copy of a file as an object (large inputs without holding them in the heap). */
    public void put(String bucket, String key, Path file) {
        try (OutputStream out = create(bucket, key)) {
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream for a new object's content; the object appears, whole, when the stream is closed. */
    public OutputStream create(String bucket, String key) {
        try {
            return store.upload(bucket, key, "application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object's bytes; {@link NoSuchElementException} naming it when absent. */
    public byte[] read(String bucket, String key) {
        try (InputStream in = open(bucket, key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object's content as a stream; {@link NoSuchElementException} naming it when absent. */
    public InputStream open(String bucket, String key) {
        StoredObject object = store.get(bucket, key)
                .orElseThrow(() -> new NoSuchElementException("no object s3://" + bucket + "/" + key));
        try {
            return store.open(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String bucket, String key) {
        return store.get(bucket, key).isPresent();
    }

    /** Size in bytes; {@link NoSuchElementException} when absent. */
    public long size(String bucket, String key) {
        return store.get(bucket, key).map(StoredObject::size)
                .orElseThrow(() -> new NoSuchElementException("no object s3://" + bucket + "/" + key));
    }

    /** Keys under {@code prefix} ("" for all), sorted. */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : store.bucket(bucket).tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    /** Every request so far (up to {@link #MAX_RECORDED}), in arrival order. */
    public List<StubRequest> requests() {
        return new ArrayList<>(recorded);
    }

    /** The next GetObject of this object answers 500 InternalError (the SDK's own retries may hide it). */
    public void failNextGet(String bucket, String key) {
        failNextGet(bucket, key, 500, "InternalError");
    }

    /** The next GetObject of this object answers {@code status} with S3 error {@code code} (e.g. 403 AccessDenied). */
    public void failNextGet(String bucket, String key, int status, String code) {
        getFailures.computeIfAbsent(bucket + "/" + key, k -> new ConcurrentLinkedQueue<>())
                .add(new S3Error(status, code, "failure injected by the test for s3://" + bucket + "/" + key));
    }

    /** Uploads that came aws-chunked and were decoded (tests check the SDK really sent that encoding). */
    int decodedUploads() {
        return decodedUploads.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        store.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            if (recordedCount.incrementAndGet() <= MAX_RECORDED) {
                recorded.add(new StubRequest(method, path, rawQuery, ""));
            }
            int slash = path.indexOf('/', 1);
            String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
            String key = slash < 0 ? "" : path.substring(slash + 1);
            if (bucket.isEmpty()) {
                S3Responses.error(exchange, new S3Error(400, "InvalidRequest", "no bucket in the path (path-style only)"));
            } else if (key.isEmpty()) {
                bucketCall(exchange, method, bucket, S3Responses.query(rawQuery));
            } else {
                objectCall(exchange, method, bucket, key);
            }
        } catch (IOException clientGone) {
            // the client hung up; nothing to answer
        }
    }

    private void bucketCall(HttpExchange exchange, String method, String bucket, Map<String, String> query) throws IOException {
        switch (method) {
            case "PUT", "HEAD" -> S3Responses.empty(exchange, 200, Map.of());
            case "GET" -> {
                if (!"2".equals(query.get("list-type"))) {
                    S3Responses.error(exchange, new S3Error(501, "NotImplemented", "only ListObjectsV2 (list-type=2) is implemented"));
                    return;
                }
                String xml;
                try {
                    xml = S3Listing.page(bucket, store.bucket(bucket), query);
                } catch (IllegalArgumentException e) {
                    S3Responses.error(exchange, new S3Error(400, "InvalidArgument", e.getMessage()));
                    return;
                }
                S3Responses.xml(exchange, 200, xml);
            }
            default -> S3Responses.error(exchange, new S3Error(501, "NotImplemented", method + " on a bucket"));
        }
    }

    private void objectCall(HttpExchange exchange, String method, String bucket, String key) throws IOException {
        switch (method) {
            case "PUT" -> putObject(exchange, bucket, key);
            case "GET", "HEAD" -> {
                Optional<StoredObject> object = store.get(bucket, key);
                S3Error injected = method.equals("GET") ? Optional.ofNullable(getFailures.get(bucket + "/" + key))
                        .map(ConcurrentLinkedQueue::poll).orElse(null) : null;
                if (injected != null) {
                    S3Responses.error(exchange, injected);
                } else if (object.isEmpty()) {
                    S3Responses.error(exchange, new S3Error(404, "NoSuchKey", "The specified key does not exist. Key: " + key));
                } else {
                    S3Responses.object(exchange, object.get(), store, method.equals("HEAD"));
                }
            }
            case "DELETE" -> {
                store.delete(bucket, key);
                S3Responses.empty(exchange, 204, Map.of());
            }
            default -> S3Responses.error(exchange, new S3Error(501, "NotImplemented", method + " on an object (no multipart uploads)"));
        }
    }

    private void putObject(HttpExchange exchange, String bucket, String key) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        if (headers.containsKey("x-amz-copy-source")) {
            S3Responses.error(exchange, new S3Error(501, "NotImplemented", "CopyObject"));
            return;
        }
        boolean chunked = Optional.ofNullable(headers.getFirst("Content-Encoding")).orElse("").contains("aws-chunked")
                || Optional.ofNullable(headers.getFirst("x-amz-content-sha256")).orElse("").startsWith("STREAMING-");
        String checksumHeader = Optional.ofNullable(headers.getFirst("x-amz-trailer"))
                .or(() -> headers.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT))
                        .filter(h -> h.startsWith("x-amz-checksum-") && !h.equals("x-amz-checksum-type")
                                && !h.equals("x-amz-checksum-algorithm")).findFirst())
                .map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
        Optional<S3Checksum> checksum = S3Checksum.forHeader(checksumHeader);
        String contentType = Optional.ofNullable(headers.getFirst("Content-Type")).orElse("binary/octet-stream");
        Upload upload = store.upload(bucket, key, contentType);
        checksum.ifPresent(upload::checking);
        String expected;
        try (InputStream body = exchange.getRequestBody()) {
            if (chunked) {
                decodedUploads.incrementAndGet();
                expected = AwsChunkedDecoder.decode(body, upload).get(checksumHeader);
            } else {
                body.transferTo(upload);
                expected = checksumHeader.isEmpty() ? null : headers.getFirst(checksumHeader);
            }
        } catch (IOException e) {
            upload.abandon();
            S3Responses.error(exchange, new S3Error(400, "IncompleteBody", e.getMessage()));
            return;
        }
        String decodedLength = headers.getFirst("x-amz-decoded-content-length");
        if (decodedLength != null && Long.parseLong(decodedLength) != upload.size()) {
            upload.abandon();
            S3Responses.error(exchange, new S3Error(400, "IncompleteBody", "decoded " + upload.size()
                    + " bytes, x-amz-decoded-content-length says " + decodedLength));
            return;
        }
        String actual = checksum.map(S3Checksum::base64).orElse(null);
        if (expected != null && actual != null && !expected.equals(actual)) {
            upload.abandon();
            S3Responses.error(exchange, new S3Error(400, "BadDigest", "The " + checksumHeader
                    + " you specified (" + expected + ") did not match the calculated checksum (" + actual + ")."));
            return;
        }
        upload.close();
        StoredObject stored = store.get(bucket, key).orElseThrow();
        S3Responses.empty(exchange, 200, actual == null ? Map.of("ETag", stored.etag())
                : Map.of("ETag", stored.etag(), checksumHeader, actual));
    }
}
