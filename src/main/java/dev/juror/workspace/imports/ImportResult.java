package dev.juror.workspace.imports;

import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.LineError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outcome of one import. When {@link Status#REFUSED} nothing was written and every count of added
 * rows is 0; {@code errors} holds the first {@link #MAX_LISTED_ERRORS} bad lines (by line number)
 * and {@code errorCount} how many there were in all.
 *
 * @param samplesUnchanged   samples already in the workspace with identical content (skipped)
 * @param rolloutsUnchanged  rollouts-file lines already present for their sample (skipped)
 * @param unparsedPredictions added rollouts whose prediction could not be parsed into comments
 * @param documentsReused    distinct documents the batch referenced that were already stored
 * @param report             the file listing every skipped line (skip-invalid imports with errors)
 * @param importId           id of the audit row in {@code imports}; 0 when refused
 */
public record ImportResult(Status status, Optional<Path> source, ImportFormat format, int linesRead,
                           int samplesAdded, int samplesUnchanged, int rolloutsAdded, int rolloutsUnchanged,
                           int commentsAdded, int unparsedPredictions, int documentsAdded, int documentsReused,
                           int errorCount, List<LineError> errors, Optional<Path> report, long importId) {

    public static final int MAX_LISTED_ERRORS = 50;

    public enum Status {
        /** Every line was good and is stored (or was already there). */
        IMPORTED,
        /** The good lines are stored; the bad ones were skipped and written to the report. */
        IMPORTED_SKIPPING_INVALID,
        /** At least one line was bad: nothing was stored. */
        REFUSED
    }

    public ImportResult {
        errors = List.copyOf(errors);
    }

    public boolean refused() {
        return status == Status.REFUSED;
    }

    /** Human-readable lines for the command line and the import dialog. */
    public List<String> summaryLines() {
        String from = source.map(Path::toString).orElse("the batch");
        List<String> lines = new ArrayList<>();
        if (refused()) {
            lines.add("Refused " + from + ": " + errorCount + " bad line" + (errorCount == 1 ? "" : "s")
                    + "; nothing was imported. Fix the lines or import with --skip-invalid.");
            errors.forEach(error -> lines.add("  " + error));
            if (errorCount > errors.size()) {
                lines.add("  ... and " + (errorCount - errors.size()) + " more");
            }
            return lines;
        }
        lines.add("Imported " + from + ": " + samplesAdded + " samples, " + rolloutsAdded + " rollouts, "
                + commentsAdded + " comments, " + documentsAdded + " new documents (" + documentsReused
                + " already stored).");
        if (samplesUnchanged + rolloutsUnchanged > 0) {
            lines.add("Already in the workspace, skipped: " + samplesUnchanged + " samples, " + rolloutsUnchanged
                    + " rollouts.");
        }
        if (unparsedPredictions > 0) {
            lines.add(unparsedPredictions + " predictions could not be parsed into comments; they are stored with"
                    + " their parse error.");
        }
        if (errorCount > 0) {
            lines.add("Skipped " + errorCount + " bad lines; see " + report.map(Path::toString).orElse("the report"));
        }
        return lines;
    }
}
