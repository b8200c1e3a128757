package dev.juror.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void writesTheFileAndLeavesNoTemporaryBehind() throws IOException {
        Path file = dir.resolve("sub/report.html");

        AtomicFiles.write(file, "<p>done</p>");

        assertThat(file).hasContent("<p>done</p>");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void aFailureMidWriteKeepsTheOldFileWhole() throws IOException {
        Path file = dir.resolve("labels.jsonl");
        AtomicFiles.write(file, "old\n");

        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("half a new fi");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(file).hasContent("old\n");
        assertThat(filesIn(dir)).isEqualTo(1);
    }

    @Test
    void theFileIsNotOwnerOnly() throws IOException {
        Path file = dir.resolve("export.json");
        AtomicFiles.write(file, "{}");

        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            // Created with the process's umask like any saved file, not createTempFile's 0600.
            assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ);
            assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.GROUP_READ);
        }
    }
}
