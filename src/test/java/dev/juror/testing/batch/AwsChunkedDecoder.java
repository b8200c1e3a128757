package dev.juror.testing.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes the {@code aws-chunked} content encoding the SDK's S3 client uses for uploads: chunks of
 * {@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n}, a zero-size chunk, then trailer lines
 * ({@code x-amz-checksum-crc32:...}, {@code x-amz-trailer-signature:...}) and an empty line. Both the
 * signed (plain HTTP) and the unsigned (TLS) variants have this shape; signatures are not checked.
 */
final class AwsChunkedDecoder {

    private static final int MAX_LINE = 8192;

    private AwsChunkedDecoder() {
    }

    /** Copies the payload to {@code out} and returns the trailers, names in lower case. */
    static Map<String, String> decode(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            String header = readLine(in);
            if (header == null) {
                throw new IOException("aws-chunked body ended before its last (zero-size) chunk");
            }
            int semicolon = header.indexOf(';');
            String hex = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad aws-chunked chunk header: " + header);
            }
            if (size == 0) {
                return trailers(in);
            }
            copy(in, out, size, buffer);
            String end = readLine(in);
            if (end == null || !end.isEmpty()) {
                throw new IOException("aws-chunked chunk of " + size + " bytes not followed by CRLF");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long size, byte[] buffer) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("aws-chunked chunk cut short: " + left + " of " + size + " bytes missing");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static Map<String, String> trailers(InputStream in) throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return trailers;
    }

    /** A line without its CRLF; null at the end of the stream with nothing read. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.US_ASCII);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("aws-chunked line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
