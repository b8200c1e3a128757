package dev.juror.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.juror.testing.SpecialFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one set of rules for files the user names: regular files only, bounded reads, one-sentence refusals. */
class InputFilesTest {

    private static final InputFiles.ReadLimit MB = new InputFiles.ReadLimit(InputFiles.MB, "raise it with --cap");
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void readsARegularUtf8FileWithoutItsByteOrderMark() throws Exception {
        Path file = Files.writeString(temp.resolve("a.txt"), "\uFEFFTermination clause", StandardCharsets.UTF_8);
        assertThat(InputFiles.readUtf8(file, MB, "--target a.txt")).isEqualTo("Termination clause");
    }

    @Test
    void aFifoIsRefusedAtOnceInsteadOfBlockingTheRead() throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("pipe"));
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> InputFiles.readUtf8(fifo, MB, "--target pipe"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("--target pipe is not a regular file (a device, pipe or socket cannot be read as one); give a file")
                .satisfies(e -> assertThat(((InputFileException) e).kind()).isEqualTo(InputFileException.Kind.NOT_REGULAR)));
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> InputFiles.open(fifo, "import pipe"))
                .isInstanceOf(InputFileException.class));
    }

    @Test
    void devZeroIsRefusedInsteadOfFillingTheMemory() {
        Path zero = SpecialFiles.devZero();
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> InputFiles.readBytes(zero, MB, "--event /dev/zero"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("is not a regular file"));
    }

    @Test
    void aSymlinkToADeviceIsRefusedLikeTheDevice() throws Exception {
        Path zero = SpecialFiles.devZero();
        Path link = Files.createSymbolicLink(temp.resolve("doc.txt"), zero);
        try {
            assertThatThrownBy(() -> InputFiles.readBytes(link, MB, "--target doc.txt"))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("is not a regular file");
        } finally {
            Files.delete(link); // else JUnit warns that the temp folder links outside itself
        }
    }

    @Test
    void aSparseFileAboveTheCapIsRefusedBeforeAnyByteIsRead() throws Exception {
        Path big = SpecialFiles.sparse(temp.resolve("big.txt"), 3L * 1024 * 1024 * 1024);
        assertTimeoutPreemptively(QUICK, () -> assertThatThrownBy(() -> InputFiles.readUtf8(big, MB, "--target big.txt"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("--target big.txt is 3.0 GB, above the limit of 1.0 MB; raise it with --cap")
                .satisfies(e -> assertThat(((InputFileException) e).kind()).isEqualTo(InputFileException.Kind.TOO_LARGE)));
    }

    @Test
    void aFileThatReportsNoSizeIsStillCutAtTheCap() throws Exception {
        // /proc files report size 0 but have content: the read itself must stop at the cap.
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "no /proc here");
        assumeTrue(Files.size(environ) == 0, "this /proc reports sizes");
        InputFiles.ReadLimit tiny = new InputFiles.ReadLimit(4, "");
        assertThatThrownBy(() -> InputFiles.readBytes(environ, tiny, "--target /proc/self/environ"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("--target /proc/self/environ holds more than the limit of 4 bytes");
    }

    @Test
    void aFileAtTheCapIsReadAndOneByteMoreIsNot() throws Exception {
        Path file = Files.write(temp.resolve("ten.txt"), "0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.readBytes(file, new InputFiles.ReadLimit(10, ""), "f")).hasSize(10);
        assertThatThrownBy(() -> InputFiles.readBytes(file, new InputFiles.ReadLimit(9, ""), "f"))
                .hasMessage("f is 10 bytes, above the limit of 9 bytes");
    }

    @Test
    void missingFoldersAndBadUtf8AreOneSentenceEach() throws Exception {
        assertThatThrownBy(() -> InputFiles.readUtf8(temp.resolve("nope.txt"), MB, "--target nope.txt"))
                .hasMessage("--target nope.txt does not exist; check the path")
                .satisfies(e -> assertThat(((InputFileException) e).kind()).isEqualTo(InputFileException.Kind.MISSING));
        assertThatThrownBy(() -> InputFiles.readUtf8(temp, MB, "--target dir"))
                .hasMessage("--target dir is a folder; give a file");
        Path latin1 = Files.write(temp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> InputFiles.readUtf8(latin1, MB, "--target latin1.txt"))
                .hasMessage("--target latin1.txt is not valid UTF-8 text; save it as UTF-8");
    }

    @Test
    void checkRegularReturnsTheRealPathBehindALink() throws Exception {
        Path real = Files.writeString(temp.resolve("real.txt"), "x");
        Path link = Files.createSymbolicLink(temp.resolve("link.txt"), real);
        assertThat(InputFiles.checkRegular(link, MB, "f")).isEqualTo(real.toRealPath());
    }
}
