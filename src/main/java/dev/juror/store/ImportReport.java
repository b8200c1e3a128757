package dev.juror.store;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The report of lines skipped by a skip-invalid import: a header, then one {@code line N: reason}
 * per bad line. Written to a temporary file first and moved into place only once the import has
 * committed, so a report never describes an import that did not happen.
 */
final class ImportReport {

    static final String FOLDER = "import-reports";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private ImportReport() {
    }

    /** {@code <workspace>/import-reports/<file name>-<UTC time>-skipped.txt}. */
    static Path defaultPath(Workspace workspace, ImportBatch batch, Instant now) {
        String name = batch.source() == null || batch.source().getFileName() == null
                ? "import" : batch.source().getFileName().toString();
        return workspace.directory().resolve(FOLDER).resolve(name + "-" + STAMP.format(now) + "-skipped.txt");
    }

    /** Writes the report to a temporary file beside {@code target} and returns that file. */
    static Path writeTemporary(Path target, ImportBatch batch, List<LineError> errors, List<String> summary)
            throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".juror-report", ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("# Juror import report: lines skipped by --skip-invalid\n");
            out.write("# source: " + (batch.source() == null ? "(no file)" : batch.source()) + "\n");
            out.write("# format: " + batch.format() + ", lines read: " + batch.linesRead() + ", lines skipped: "
                    + errors.size() + "\n");
            for (String line : summary) {
                out.write("# " + line + "\n");
            }
            for (LineError error : errors) {
                out.write("line " + error.line() + ": " + error.reason().replace('\n', ' ') + "\n");
            }
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
