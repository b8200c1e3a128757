package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.RunRecords;
import dev.juror.store.TrainingRun;
import dev.juror.store.WatchTransaction;
import dev.juror.store.Workspace;
import dev.juror.watch.CloudWatchLogEvents;
import dev.juror.watch.MetricsReader;
import dev.juror.watch.Placement;
import dev.juror.watch.RecordKeys;
import dev.juror.watch.RewardRecord;
import dev.juror.watch.RewardRecordReader;
import dev.juror.watch.Skips;
import dev.juror.watch.StepMetrics;
import dev.juror.watch.StepPlacer;
import dev.juror.watch.WatchFileKind;
import dev.juror.watch.WatchInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * {@code juror watch import}: reward records and training metrics into a named training run, one
 * transaction per file (all of it or nothing). After each file the run's records without a step of
 * their own are placed again ({@link StepPlacer}): a metrics file imported after the records moves
 * them from invocation order to their timestamps. A file imported again adds nothing.
 */
public final class WatchImporter {

    private final Repositories repositories;

    public WatchImporter(Workspace workspace) {
        this(Repositories.of(workspace));
    }

    public WatchImporter(Repositories repositories) {
        this.repositories = repositories;
    }

    /** Imports one file; {@code name} is how it is named in messages (as the user gave it). */
    public WatchImportSummary importFile(String runName, Path file, String name, WatchImportOptions options) {
        WatchFileKind kind = options.kind().orElseGet(() -> WatchFileKind.detect(file, name));
        if (kind == WatchFileKind.METRICS) {
            MetricsReader reader = new MetricsReader();
            List<StepMetrics> rows = reader.read(file, name);
            return inTransaction(runName, name, kind, options, (tx, run, records) -> {
                tx.metrics(run.id(), rows);
                return new Read(rows.size(), rows.size(), reader.skips());
            });
        }
        return importRecords(runName, name, options, (reader) -> reader.readFile(file, name));
    }

    /** Reads a log group's reward records from CloudWatch Logs, as one import. */
    public WatchImportSummary importLogGroup(String runName, CloudWatchLogEvents.Source source,
                                             WatchImportOptions options) {
        String name = "log group " + source.logGroup();
        try (CloudWatchLogEvents events = CloudWatchLogEvents.connect(source)) {
            return importRecords(runName, name, options, reader -> events.forEach(source,
                    event -> reader.readEvent(event, name + " event " + event.eventId())));
        }
    }

    private WatchImportSummary importRecords(String runName, String name, WatchImportOptions options,
                                             Consumer<RewardRecordReader> read) {
        return inTransaction(runName, name, WatchFileKind.RECORDS, options, (tx, run, records) -> {
            RecordSink sink = new RecordSink(tx, run, records);
            RewardRecordReader[] reader = new RewardRecordReader[1];
            // the record's key (a SHA-256) is made on the reader's thread, which has time to spare
            RecordPipe.<Keyed>run(out -> {
                reader[0] = new RewardRecordReader(r -> out.accept(new Keyed(r, RecordKeys.of(r))));
                read.accept(reader[0]);
            }, sink);
            return new Read(reader[0].records(), records.added(), reader[0].skips());
        });
    }

    /** A record and its key ({@link RecordKeys}). */
    private record Keyed(RewardRecord record, long key) {
    }

    private record Read(long read, long added, Skips skips) {
    }

    @FunctionalInterface
    private interface Work {
        Read apply(WatchTransaction tx, TrainingRun run, RunRecords records);
    }

    private WatchImportSummary inTransaction(String runName, String name, WatchFileKind kind,
                                             WatchImportOptions options, Work work) {
        try (WatchTransaction tx = repositories.trainingRuns().begin()) {
            TrainingRun run = bindToBundle(tx, tx.run(runName), name, options.bundle());
            if (options.callsPerStep().isPresent()) {
                tx.callsPerStep(run.id(), options.callsPerStep().getAsInt());
            }
            RunRecords records = tx.records(run.id());
            Read read = work.apply(tx, run, records);
            OptionalInt callsPerStep = options.callsPerStep().isPresent() ? options.callsPerStep() : run.callsPerStep();
            Placed placed = place(tx, run.id(), records, callsPerStep);
            tx.write(records);
            TrainingRun after = tx.run(runName);
            WatchImportSummary summary = new WatchImportSummary(runName, name, kind, read.read(), read.added(),
                    placed.moved(), placed.placement(), after.bundle(), tx.stats(run.id()), read.skips().counts(),
                    read.skips().sentences());
            tx.commit();
            // The steps written have lost their facts (same transaction); tally them now, not at the first report.
            new StepFactsSource(repositories.trainingRuns()).fillMissing(after);
            return summary;
        }
    }

    private record Placed(Placement placement, long moved) {
    }

    /**
     * A named bundle binds a run without records to it, so the first record of another bundle is refused
     * (its evidence would be the wrong baseline); a run already holding another bundle's records refuses it.
     */
    private static TrainingRun bindToBundle(WatchTransaction tx, TrainingRun run, String name, Optional<String> bundle) {
        if (bundle.isEmpty()) {
            return run;
        }
        if (run.bundle().isEmpty()) {
            tx.bundle(run.id(), bundle.get());
            return tx.run(run.name());
        }
        if (!run.bundle().get().equals(bundle.get())) {
            throw new WatchInputException(name, "--bundle names bundle " + bundle.get() + ", but training run "
                    + run.name() + " holds the records of bundle " + run.bundle().get()
                    + "; name that run's bundle, or import into a run of its own");
        }
        return run;
    }

    /**
     * Places every record of the run that has no step of its own, by the method the run allows now; the
     * records' blocks are written after, so a record is written once, on its step.
     */
    private static Placed place(WatchTransaction tx, long runId, RunRecords records, OptionalInt callsPerStep) {
        NavigableMap<Integer, Instant> ends = tx.stepEnds(runId);
        long[] times = records.unplacedTimes();
        Placement placement = StepPlacer.choose(ends, callsPerStep, times.length);
        int[] steps;
        switch (placement) {
            case TIMESTAMP -> steps = StepPlacer.byTimestamp(times, ends);
            case INVOCATION_ORDER -> {
                steps = new int[times.length];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = StepPlacer.byOrder(i, callsPerStep.getAsInt());
                }
            }
            default -> steps = new int[0];
        }
        long moved = records.place(steps);
        tx.placement(runId, placement.wire());
        return new Placed(placement, moved);
    }

    /** Checks each record against the run's bundle and adds it (a record the run has is passed over). */
    private static final class RecordSink implements Consumer<Keyed> {

        private final WatchTransaction tx;
        private final TrainingRun run;
        private final RunRecords records;
        private Optional<String> bundle;

        RecordSink(WatchTransaction tx, TrainingRun run, RunRecords records) {
            this.tx = tx;
            this.run = run;
            this.records = records;
            this.bundle = run.bundle();
        }

        @Override
        public void accept(Keyed keyed) {
            RewardRecord r = keyed.record();
            if (bundle.isEmpty()) {
                bundle = Optional.of(r.bundle());
                tx.bundle(run.id(), r.bundle());
            } else if (!bundle.get().equals(r.bundle())) {
                throw new WatchInputException(r.source(), "record of bundle " + r.bundle() + ", but training run "
                        + run.name() + " holds the records of bundle " + bundle.get() + " (its first); import it into"
                        + " a run of its own");
            }
            records.add(r, keyed.key());
        }
    }
}
