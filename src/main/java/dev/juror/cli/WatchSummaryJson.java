package dev.juror.cli;

import dev.juror.workspace.watch.WatchImportSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON of one watch import (one line per file with {@code --json}); field names are the contract. */
record WatchSummaryJson(String run, String source, String kind, long read, long added, long already_present,
                        String bundle, long records, Integer first_step, Integer last_step, int steps_with_records,
                        int metric_steps, String placement, long moved, Map<String, Integer> skipped,
                        List<String> skips) {

    static WatchSummaryJson of(WatchImportSummary s) {
        Map<String, Integer> skipped = new TreeMap<>();
        s.skipped().forEach((reason, n) -> skipped.put(reason.name().toLowerCase(java.util.Locale.ROOT), n));
        return new WatchSummaryJson(s.run(), s.source(), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.read(),
                s.added(), s.read() - s.added(), s.bundle().orElse(null), s.stats().records(),
                s.stats().firstStep().isPresent() ? s.stats().firstStep().getAsInt() : null,
                s.stats().lastStep().isPresent() ? s.stats().lastStep().getAsInt() : null, s.stats().recordSteps(),
                s.stats().metricSteps(), s.placement().wire(), s.moved(), skipped, s.skips());
    }
}
