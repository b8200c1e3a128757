package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 6: a zip bomb given to {@code juror lambda invoke} was extracted in full before the
 * package was refused. Sizes are now checked while reading, against what is really inflated (never the
 * sizes the zip declares).
 */
class LambdaPackageLimitsTest {

    @TempDir
    Path temp;

    /** A zip whose one entry inflates to {@code bytes} zeros (about 1/1000 of that on disk). */
    private Path bomb(long bytes) throws Exception {
        Path zip = temp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("lib/zeros.jar"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += zeros.length) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        return zip;
    }

    private static long bytesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void extractionStopsAsSoonAsTheInflatedBytesPassTheLimit() throws Exception {
        Path zip = bomb(16L * 1024 * 1024);
        assertThat(Files.size(zip)).isLessThan(256 * 1024);
        Path dir = Files.createDirectories(temp.resolve("out"));

        assertThatThrownBy(() -> LocalLambdaInvoker.extract(zip, dir, 2L * 1024 * 1024, 100))
                .hasMessageStartingWith("the package unpacks to more than 2.0 MB");
        assertThat(bytesUnder(dir)).isLessThanOrEqualTo(2L * 1024 * 1024);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Path zip = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 50; i++) {
                out.putNextEntry(new ZipEntry("f" + i));
                out.closeEntry();
            }
        }
        Path dir = Files.createDirectories(temp.resolve("out"));
        assertThatThrownBy(() -> LocalLambdaInvoker.extract(zip, dir, 1024, 10))
                .hasMessageStartingWith("the package has more than 10 entries");
    }

    @Test
    void theDefaultLimitsAreLambdasOwn() {
        assertThat(LocalLambdaInvoker.MAX_UNZIPPED_BYTES).isEqualTo(250L * 1024 * 1024);
        assertThat(LocalLambdaInvoker.MAX_ENTRIES).isEqualTo(10_000);
    }
}
