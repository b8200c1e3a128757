package dev.juror.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The few object-store operations a batch run needs: put the input files, list and read the output
 * files. {@link S3ObjectStore} on Amazon S3 (or any S3-compatible server); tests use a loopback one.
 */
public interface ObjectStore extends AutoCloseable {

    /** Uploads a local file to {@code target}, replacing what is there. */
    void upload(Path file, S3Location target) throws IOException;

    /** The objects under a folder, by key order. */
    List<S3Location> list(S3Location folder) throws IOException;

    /** Opens an object for reading (streamed, not held in memory). */
    InputStream open(S3Location object) throws IOException;

    @Override
    default void close() {
    }
}
