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

    @Test
    void ownerOnlyKeepsTheFilePrivate() throws IOException {
        Path file = dir.resolve("rubrics/contract-review.yaml");
        AtomicFiles.write(file, "name: x\n", AtomicFiles.Permissions.OWNER_ONLY);

        assertThat(file).hasContent("name: x\n");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aStagedFileAppearsOnlyWhenPublished() throws IOException {
        Path file = dir.resolve("reports/skipped.txt");
        AtomicFiles.Staged staged = AtomicFiles.stage(file, AtomicFiles.Permissions.ORDINARY, out -> out.write("line 3\n"));

        assertThat(file).doesNotExist();
        assertThat(staged.temporary()).hasContent("line 3\n");
        assertThat(staged.temporary().getFileName().toString()).startsWith(".");

        staged.publish();

        assertThat(file).hasContent("line 3\n");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void aDiscardedStagedFileLeavesNothing() throws IOException {
        Path file = dir.resolve("skipped.txt");
        AtomicFiles.Staged staged = AtomicFiles.stage(file, AtomicFiles.Permissions.OWNER_ONLY, out -> out.write("x"));

        staged.discard();

        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void aFailingStageLeavesNoTemporaryBehind() {
        assertThatThrownBy(() -> AtomicFiles.stage(dir.resolve("r.txt"), AtomicFiles.Permissions.ORDINARY, out -> {
            out.write("half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(dir.toFile().list()).isEmpty();
    }
}
