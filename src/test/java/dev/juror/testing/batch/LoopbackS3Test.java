package dev.juror.testing.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class LoopbackS3Test {

    private LoopbackS3 s3;
    private S3Client client;

    @BeforeEach
    void start() {
        s3 = LoopbackS3.start();
        client = StubClients.s3(s3.endpoint());
    }

    @AfterEach
    void stop() {
        client.close();
        s3.close();
    }

    @Test
    void smallObjectRoundTripsThroughTheSdkByteForByte() {
        byte[] content = "{\"recordId\":\"r1\"}\n{\"recordId\":\"r2\"}\n".getBytes(StandardCharsets.UTF_8);
        client.putObject(b -> b.bucket("bkt").key("in/a b+c.jsonl"), RequestBody.fromBytes(content));

        assertThat(s3.read("bkt", "in/a b+c.jsonl")).isEqualTo(content);
        assertThat(client.getObjectAsBytes(b -> b.bucket("bkt").key("in/a b+c.jsonl")).asByteArray()).isEqualTo(content);
        HeadObjectResponse head = client.headObject(b -> b.bucket("bkt").key("in/a b+c.jsonl"));
        assertThat(head.contentLength()).isEqualTo(content.length);
        assertThat(s3.requests()).extracting(StubRequest::method).contains("PUT", "GET", "HEAD");
    }

    @Test
    void largeObjectsFromBytesAndFromAFileAreStoredExactly(@TempDir Path dir) throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 17];
        new Random(15).nextBytes(big);
        Path file = dir.resolve("input.jsonl");
        Files.write(file, big);
        client.putObject(b -> b.bucket("bkt").key("from-file.bin"), RequestBody.fromFile(file));
        assertThat(s3.read("bkt", "from-file.bin")).isEqualTo(big);
        assertThat(client.getObjectAsBytes(b -> b.bucket("bkt").key("from-file.bin").range("bytes=10-19")).asByteArray())
                .isEqualTo(Arrays.copyOfRange(big, 10, 20));

        byte[] medium = Arrays.copyOf(big, 3 * 1024 * 1024 + 5);
        client.putObject(b -> b.bucket("bkt").key("from-bytes.bin"), RequestBody.fromBytes(medium));
        assertThat(client.getObjectAsBytes(b -> b.bucket("bkt").key("from-bytes.bin")).asByteArray()).isEqualTo(medium);
        assertThat(s3.decodedUploads()).as("uploads the SDK sent aws-chunked").isEqualTo(2);
    }

    @Test
    void anAwsChunkedUploadWithAWrongTrailingChecksumIsRefused() throws Exception {
        byte[] payload = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(payload);
        String right = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());

        assertThat(chunkedPut("good", payload, right)).isEqualTo(200);
        assertThat(s3.read("bkt", "good")).isEqualTo(payload);
        assertThat(chunkedPut("bad", payload, "AAAAAA==")).isEqualTo(400);
        assertThat(s3.exists("bkt", "bad")).isFalse();
    }

    /** A signed aws-chunked PutObject in two chunks with a CRC32 trailer, as the SDK sends over plain HTTP. */
    private int chunkedPut(String key, byte[] payload, String crc32) throws Exception {
        String body = "a;chunk-signature=" + "0".repeat(64) + "\r\n" + new String(payload, 0, 10, StandardCharsets.UTF_8) + "\r\n"
                + "a;chunk-signature=" + "1".repeat(64) + "\r\n" + new String(payload, 10, 10, StandardCharsets.UTF_8) + "\r\n"
                + "0;chunk-signature=" + "2".repeat(64) + "\r\n"
                + "x-amz-checksum-crc32:" + crc32 + "\r\nx-amz-trailer-signature:" + "3".repeat(64) + "\r\n\r\n";
        HttpRequest request = HttpRequest.newBuilder(s3.endpoint().resolve("/bkt/" + key))
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .header("x-amz-decoded-content-length", Integer.toString(payload.length))
                .header("x-amz-trailer", "x-amz-checksum-crc32")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void missingObjectIsNoSuchKeyForGetAndHead() {
        assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket("bkt").key("nope")))
                .isInstanceOf(NoSuchKeyException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> client.headObject(b -> b.bucket("bkt").key("nope")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deleteRemovesTheObject() {
        s3.put("bkt", "k", new byte[] {1, 2, 3});
        client.deleteObject(b -> b.bucket("bkt").key("k"));
        assertThat(s3.exists("bkt", "k")).isFalse();
    }

    @Test
    void listPagesThroughSortedKeysUnderThePrefix() {
        for (int i = 0; i < 25; i++) {
            s3.put("bkt", "out/job/" + String.format("%03d", 24 - i) + ".out", new byte[i]);
        }
        s3.put("bkt", "other/x", new byte[1]);

        List<String> keys = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListObjectsV2Response page = client.listObjectsV2(b -> b.bucket("bkt").prefix("out/").maxKeys(10).continuationToken(t));
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            token = page.nextContinuationToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).hasSize(25).isSorted().allMatch(k -> k.startsWith("out/job/"));
        assertThat(keys).isEqualTo(s3.keys("bkt", "out/"));
        assertThat(client.listObjectsV2Paginator(b -> b.bucket("bkt").prefix("out/").maxKeys(7)).contents())
                .hasSize(25);
        ListObjectsV2Response folders = client.listObjectsV2(b -> b.bucket("bkt").delimiter("/"));
        assertThat(folders.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("other/", "out/");
    }

    @Test
    void anInjectedFailureHitsOneGetOnly() {
        s3.put("bkt", "k", new byte[] {7});
        s3.failNextGet("bkt", "k", 403, "AccessDenied");

        assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket("bkt").key("k")))
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(client.getObjectAsBytes(b -> b.bucket("bkt").key("k")).asByteArray()).containsExactly(7);
    }

    @Test
    void objectsLiveOnDiskAndGoAwayOnClose() {
        s3.put("bkt", "k", new byte[] {1});
        s3.close();
        assertThatThrownBy(() -> s3.read("bkt", "k")).isInstanceOf(java.util.NoSuchElementException.class);
    }
}
