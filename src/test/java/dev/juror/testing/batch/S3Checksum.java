package dev.juror.testing.batch;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * One of the flexible checksums an S3 upload may carry ({@code x-amz-checksum-crc32}, {@code -crc32c},
 * {@code -sha1}, {@code -sha256}), computed over the decoded bytes so the stub can tell a payload it
 * decoded wrongly from the one the client sent. CRC64NVME has no JDK implementation and is not checked.
 */
abstract sealed class S3Checksum {

    final String header;

    private S3Checksum(String header) {
        this.header = header;
    }

    /** For a header name such as {@code x-amz-checksum-crc32}; empty when unknown or not checkable. */
    static Optional<S3Checksum> forHeader(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (name) {
            case "x-amz-checksum-crc32" -> new OfChecksum(name, new CRC32());
            case "x-amz-checksum-crc32c" -> new OfChecksum(name, new CRC32C());
            case "x-amz-checksum-sha1" -> new OfDigest(name, "SHA-1");
            case "x-amz-checksum-sha256" -> new OfDigest(name, "SHA-256");
            default -> null;
        });
    }

    abstract void update(byte[] bytes, int offset, int length);

    /** Base64 of the checksum's big-endian bytes, as S3 headers and trailers carry it. */
    abstract String base64();

    private static final class OfChecksum extends S3Checksum {
        private final Checksum checksum;

        OfChecksum(String header, Checksum checksum) {
            super(header);
            this.checksum = checksum;
        }

        @Override
        void update(byte[] bytes, int offset, int length) {
            checksum.update(bytes, offset, length);
        }

        @Override
        String base64() {
            long v = checksum.getValue();
            return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }
    }

    private static final class OfDigest extends S3Checksum {
        private final MessageDigest digest;

        OfDigest(String header, String algorithm) {
            super(header);
            digest = digest(algorithm);
        }

        @Override
        void update(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }

        @Override
        String base64() {
            return Base64.getEncoder().encodeToString(digest.digest());
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
