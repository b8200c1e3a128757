package dev.juror.workspace.imports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to treat a batch with bad lines.
 *
 * @param skipInvalid import the good lines and report the bad ones, instead of refusing the whole batch
 * @param reportPath  where to write the report of skipped lines; empty = {@code import-reports/} in the workspace
 */
public record ImportOptions(boolean skipInvalid, Optional<Path> reportPath) {

    public ImportOptions {
        reportPath = reportPath == null ? Optional.empty() : reportPath;
    }

    /** Refuse the whole batch if any line is bad. */
    public static ImportOptions refuseInvalid() {
        return new ImportOptions(false, Optional.empty());
    }

    /** Import the good lines; report the bad ones in the workspace's {@code import-reports/} folder. */
    public static ImportOptions skipInvalidLines() {
        return new ImportOptions(true, Optional.empty());
    }

    /** Import the good lines; report the bad ones at {@code report}. */
    public static ImportOptions skipInvalidLines(Path report) {
        return new ImportOptions(true, Optional.of(report));
    }
}
