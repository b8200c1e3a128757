package dev.juror.workspace.imports;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.LineError;
import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
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
    static Path defaultPath(Path workspaceDirectory, ImportBatch batch, Instant now) {
        String name = batch.source() == null || batch.source().getFileName() == null
                ? "import" : batch.source().getFileName().toString();
        return workspaceDirectory.resolve(FOLDER).resolve(name + "-" + STAMP.format(now) + "-skipped.txt");
    }

    /** Writes the report in full beside {@code target}; the importer publishes it once the import has committed. */
    static AtomicFiles.Staged stage(Path target, ImportBatch batch, List<LineError> errors, List<String> summary)
            throws IOException {
        // Owner-only, as import reports have always been written.
        return AtomicFiles.stage(target, AtomicFiles.Permissions.OWNER_ONLY, out -> {
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
        });
    }
}
