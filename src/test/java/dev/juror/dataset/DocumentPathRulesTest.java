package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.juror.testing.SpecialFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 1: a dataset from elsewhere must not make Juror read any local file. A
 * {@code {"path": ...}} document resolves by real path inside the JSONL file's folder (or a root the user
 * allowed), is a regular file, and is at most {@link ImportLimits#maxDocumentBytes()}; anything else is a
 * line error naming the line.
 */
class DocumentPathRulesTest {

    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Path data;
    private Path elsewhere;

    private Path folders() throws IOException {
        data = Files.createDirectories(temp.resolve("data"));
        elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        return data;
    }

    private ImportBatch importPath(String path, ImportLimits limits, List<Path> roots) throws IOException {
        Path jsonl = data.resolve("in.jsonl");
        Files.writeString(jsonl, "{\"id\":\"ok\",\"target_document\":\"inline text\"}\n"
                + "{\"id\":\"s2\",\"target_document\":{\"path\":\"" + path.replace("\\", "\\\\") + "\"}}\n",
                StandardCharsets.UTF_8);
        return JsonlImportReader.read(jsonl, limits, roots);
    }

    private ImportBatch importPath(String path) throws IOException {
        return importPath(path, ImportLimits.defaults(), List.of());
    }

    @Test
    void anAbsolutePathToProcSelfEnvironIsALineErrorNotTheEnvironment() throws Exception {
        folders();
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "no /proc here");

        ImportBatch batch = importPath(environ.toString());

        assertThat(batch.samples()).extracting(SampleInput::id).containsExactly("ok");
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).startsWith("target_document.path \"/proc/self/environ\" is outside the folder of the"
                    + " JSONL file").contains("--documents-root");
        });
    }

    @Test
    void aSymlinkInsideTheFolderPointingOutsideIsRefused() throws Exception {
        folders();
        Path secret = Files.writeString(elsewhere.resolve("credentials"), "aws_secret_access_key=XYZ");
        Files.createSymbolicLink(data.resolve("contract.txt"), secret);

        ImportBatch batch = importPath("contract.txt");

        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .startsWith("target_document.path \"contract.txt\" is outside the folder of the JSONL file (it leads to "
                        + secret.toRealPath() + ")"));
        assertThat(batch.samples()).noneMatch(s -> s.targetDocument().contains("XYZ"));
    }

    @Test
    void aSymlinkedFolderInsideLeadingOutsideIsRefused() throws Exception {
        folders();
        Files.writeString(elsewhere.resolve("x.txt"), "secret");
        Files.createSymbolicLink(data.resolve("contracts"), elsewhere);

        assertThat(importPath("contracts/x.txt").errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("is outside the folder of the JSONL file"));
    }

    @Test
    void dotDotStillCannotLeaveTheFolder() throws Exception {
        folders();
        Files.writeString(elsewhere.resolve("x.txt"), "secret");
        assertThat(importPath("../elsewhere/x.txt").errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("is outside the folder of the JSONL file"));
    }

    @Test
    void aFolderNamedWithDocumentsRootIsAllowedAndOthersStayClosed() throws Exception {
        folders();
        Path contract = Files.writeString(elsewhere.resolve("x.txt"), "Clause 1. Ten years.");
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.writeString(other.resolve("y.txt"), "not allowed");

        ImportBatch allowed = importPath(contract.toString(), ImportLimits.defaults(), List.of(elsewhere));
        ImportBatch relative = importPath("../elsewhere/x.txt", ImportLimits.defaults(), List.of(elsewhere));
        ImportBatch refused = importPath(other.resolve("y.txt").toString(), ImportLimits.defaults(), List.of(elsewhere));

        assertThat(allowed.errors()).isEmpty();
        assertThat(allowed.samples().get(1).targetDocument()).isEqualTo("Clause 1. Ten years.");
        assertThat(relative.errors()).isEmpty();
        assertThat(refused.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("is outside"));
    }

    @Test
    void aSymlinkInsideTheFolderToAFileInsideIsFine() throws Exception {
        folders();
        Files.createDirectories(data.resolve("contracts"));
        Path real = Files.writeString(data.resolve("contracts/real.txt"), "Clause 2.");
        Files.createSymbolicLink(data.resolve("alias.txt"), real);
        ImportBatch batch = importPath("alias.txt");
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.samples().get(1).targetDocument()).isEqualTo("Clause 2.");
    }

    @Test
    void devZeroIsALineErrorNotAnOutOfMemoryError() throws Exception {
        folders();
        Path zero = SpecialFiles.devZero();
        Path link = Files.createSymbolicLink(data.resolve("zero.txt"), zero);
        // Even when the user allows /dev, a device is not a document.
        ImportBatch batch;
        try {
            batch = assertTimeoutPreemptively(QUICK,
                    () -> importPath("zero.txt", ImportLimits.defaults(), List.of(zero.getParent())));
        } finally {
            Files.delete(link); // else JUnit warns that the temp folder links outside itself
        }
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("target_document.path \"zero.txt\" is not a regular file (a device, pipe or socket cannot be"
                        + " read as one); give a file"));
    }

    @Test
    void aFifoDoesNotHangTheImport() throws Exception {
        folders();
        SpecialFiles.fifo(data.resolve("pipe.txt"));
        ImportBatch batch = assertTimeoutPreemptively(QUICK, () -> importPath("pipe.txt"));
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("is not a regular file"));
    }

    @Test
    void aSparseFileAboveTheDefaultCapIsALineError() throws Exception {
        folders();
        SpecialFiles.sparse(data.resolve("huge.txt"), 3L * 1024 * 1024 * 1024);
        ImportBatch batch = assertTimeoutPreemptively(QUICK, () -> importPath("huge.txt"));
        assertThat(batch.errors()).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("target_document.path \"huge.txt\" is 3.0 GB, above the limit of 20.0 MB; split the document,"
                        + " or raise the cap with juror import --max-document-mb N"));
    }

    @Test
    void theDocumentCapCanBeRaisedOrLowered() throws Exception {
        folders();
        Files.writeString(data.resolve("doc.txt"), "x".repeat(2000));
        assertThat(importPath("doc.txt", ImportLimits.defaults().withMaxDocumentBytes(1000), List.of()).errors())
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("above the limit of 1000 bytes"));
        assertThat(importPath("doc.txt", ImportLimits.defaults().withMaxDocumentBytes(2000), List.of()).errors()).isEmpty();
    }

    @Test
    void theJsonlFileItselfMayNotBeAFifo() throws Exception {
        folders();
        Path fifo = SpecialFiles.fifo(data.resolve("in.jsonl"));
        assertTimeoutPreemptively(QUICK, () -> org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> JsonlImportReader.read(fifo)).hasMessageContaining("is not a regular file"));
    }
}
