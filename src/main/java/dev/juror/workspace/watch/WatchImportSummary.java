package dev.juror.workspace.watch;

import dev.juror.store.TrainingRunStats;
import dev.juror.watch.Placement;
import dev.juror.watch.Skips;
import dev.juror.watch.WatchFileKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one watch import did: the file (or log group), what it held, what was new, how the run's
 * records sit on steps now, and what was skipped (counted, with the first places named).
 *
 * @param read        records (or metric rows) read from the source
 * @param added       of those, new to the run (a file imported again adds 0)
 * @param moved       records of the run whose step changed with this import (placement redone)
 * @param bundle      the run's bundle id, if it has records
 * @param stats       the run as it stands after the import
 */
public record WatchImportSummary(String run, String source, WatchFileKind kind, long read, long added, long moved,
                                 Placement placement, Optional<String> bundle, TrainingRunStats stats,
                                 Map<Skips.Reason, Integer> skipped, List<String> skips) {
}
