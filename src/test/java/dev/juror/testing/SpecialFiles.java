package dev.juror.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Files that are not ordinary text files, for the input-file tests: FIFOs, sparse giants, read-only files. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A named pipe at {@code path}; the test is skipped where {@code mkfifo} is unavailable. */
    public static Path fifo(Path path) throws Exception {
        boolean made;
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            made = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made && Files.exists(path) && !Files.isRegularFile(path), "mkfifo is not available here");
        return path;
    }

    /** A sparse file of {@code bytes} (zeros): takes no disk, reports its full size. */
    public static Path sparse(Path path, long bytes) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(bytes);
        }
        return path;
    }

    /** {@code /dev/zero}, skipped where it does not exist. */
    public static Path devZero() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        return zero;
    }

    /**
     * Makes {@code path} impossible to write, for root too (root ignores permission bits: then
     * {@code chattr +i} is used); skipped where neither works. Undo with {@link #writable(Path)}.
     */
    public static void readOnly(Path path) throws Exception {
        path.toFile().setWritable(false, false);
        if (!stillWritable(path)) {
            return;
        }
        run("chattr", "+i", path.toString());
        assumeTrue(!stillWritable(path), "cannot make a file read-only here (root without chattr)");
    }

    public static void writable(Path path) throws Exception {
        if (Files.exists(path)) {
            run("chattr", "-i", path.toString());
            path.toFile().setWritable(true, false);
        }
    }

    private static boolean stillWritable(Path path) {
        if (Files.isDirectory(path)) {
            try {
                Files.delete(Files.createTempFile(path, ".probe", ".tmp"));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        try (var ignored = Files.newOutputStream(path, java.nio.file.StandardOpenOption.APPEND)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // not available: the caller's check decides
        }
    }
}
