package dev.juror.testing.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The loopback S3's objects: content in files of a temporary folder (a benchmark puts ~100 MB, which
 * must not sit in the heap), key to file in sorted maps, one per bucket. Buckets exist on first use.
 * Replacing an object deletes the old file after the new one is in place; a reader that already
 * opened it keeps reading the old content, as on S3.
 */
final class StubObjectFiles implements AutoCloseable {

    /** An object's file and what S3 reports about it. */
    record StoredObject(Path file, long size, String etag, Instant lastModified, String contentType) {
    }

    private final Path folder;
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final AtomicLong files = new AtomicLong();

    StubObjectFiles() {
        try {
            folder = Files.createTempDirectory("juror-loopback-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the loopback S3's temporary folder", e);
        }
    }

    /** A stream for a new object's content; the object appears (or replaces the old one) on close. */
    Upload upload(String bucket, String key, String contentType) throws IOException {
        Path file = folder.resolve("object-" + files.incrementAndGet());
        return new Upload(bucket, key, contentType, file);
    }

    Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(bucket(bucket).get(key));
    }

    boolean delete(String bucket, String key) {
        StoredObject old = bucket(bucket).remove(key);
        if (old != null) {
            deleteQuietly(old.file());
        }
        return old != null;
    }

    /** The bucket's objects in key order (a live view). */
    NavigableMap<String, StoredObject> bucket(String bucket) {
        return buckets.computeIfAbsent(bucket, b -> new ConcurrentSkipListMap<>());
    }

    InputStream open(StoredObject object) throws IOException {
        return Files.newInputStream(object.file());
    }

    @Override
    public void close() {
        buckets.clear();
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(StubObjectFiles::deleteQuietly);
        } catch (IOException e) {
            // best effort: the folder is under the system's temporary directory
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file still open elsewhere; the temporary directory is cleaned by the system
        }
    }

    /** Writes an object's bytes, computing its MD5 (the ETag) and an optional flexible checksum. */
    final class Upload extends OutputStream {
        private final String bucket;
        private final String key;
        private final String contentType;
        private final Path file;
        private final OutputStream out;
        private final MessageDigest md5 = S3Checksum.digest("MD5");
        private S3Checksum checksum;
        private long size;
        private boolean done;

        private Upload(String bucket, String key, String contentType, Path file) throws IOException {
            this.bucket = bucket;
            this.key = key;
            this.contentType = contentType;
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        }

        /** Also computes this checksum of the content, for {@link #checksum()}. */
        Upload checking(S3Checksum checksum) {
            this.checksum = checksum;
            return this;
        }

        Optional<S3Checksum> checksum() {
            return Optional.ofNullable(checksum);
        }

        long size() {
            return size;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            md5.update(bytes, offset, length);
            if (checksum != null) {
                checksum.update(bytes, offset, length);
            }
            size += length;
        }

        /** Drops the content: the object is not created (a bad upload). */
        void abandon() {
            done = true;
            try {
                out.close();
            } catch (IOException e) {
                // the file goes anyway
            }
            deleteQuietly(file);
        }

        /** Publishes the object. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            out.close();
            String etag = "\"" + HexFormat.of().formatHex(md5.digest()) + "\"";
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            StoredObject old = bucket(bucket).put(key, new StoredObject(file, size, etag, now, contentType));
            if (old != null) {
                deleteQuietly(old.file());
            }
        }
    }
}
