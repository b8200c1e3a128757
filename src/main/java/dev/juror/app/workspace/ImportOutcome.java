package dev.juror.app.workspace;

import java.util.List;

/**
 * What the import dialog shows: a headline and the summary lines (line errors when refused).
 * Never a stack trace: a file that cannot be read is described in words.
 */
public record ImportOutcome(boolean refused, String headline, List<String> lines) {

    public ImportOutcome {
        lines = List.copyOf(lines);
    }
}
