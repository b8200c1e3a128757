package dev.juror.workspace.watch;

import dev.juror.store.PlacementKeys;
import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.WatchTransaction;
import dev.juror.store.Workspace;
import dev.juror.watch.CloudWatchLogEvents;
import dev.juror.watch.MetricsReader;
import dev.juror.watch.Placement;
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
            return inTransaction(runName, name, kind, options, (tx, run) -> {
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
        return inTransaction(runName, name, WatchFileKind.RECORDS, options, (tx, run) -> {
            RecordSink sink = new RecordSink(tx, run, tx.stepEnds(run.id()).isEmpty()
                    ? options.callsPerStep().isPresent() ? options.callsPerStep() : run.callsPerStep()
                    : OptionalInt.empty());
            RewardRecordReader[] reader = new RewardRecordReader[1];
            RecordPipe.run(records -> {
                reader[0] = new RewardRecordReader(records);
                read.accept(reader[0]);
            }, sink);
            long added = sink.writer.flush();
            return new Read(reader[0].records(), added, reader[0].skips());
        });
    }

    private record Read(long read, long added, Skips skips) {
    }

    @FunctionalInterface
    private interface Work {
        Read apply(WatchTransaction tx, TrainingRun run);
    }

    private WatchImportSummary inTransaction(String runName, String name, WatchFileKind kind,
                                             WatchImportOptions options, Work work) {
        try (WatchTransaction tx = repositories.trainingRuns().begin()) {
            TrainingRun run = tx.run(runName);
            if (options.callsPerStep().isPresent()) {
                tx.callsPerStep(run.id(), options.callsPerStep().getAsInt());
            }
            Read read = work.apply(tx, run);
            OptionalInt callsPerStep = options.callsPerStep().isPresent() ? options.callsPerStep() : run.callsPerStep();
            Placed placed = place(tx, run.id(), callsPerStep);
            TrainingRun after = tx.run(runName);
            WatchImportSummary summary = new WatchImportSummary(runName, name, kind, read.read(), read.added(),
                    placed.moved(), placed.placement(), after.bundle(), tx.stats(run.id()), read.skips().counts(),
                    read.skips().sentences());
            tx.commit();
            return summary;
        }
    }

    private record Placed(Placement placement, long moved) {
    }

    /** Places every record of the run that has no step of its own, by the method the run allows now. */
    private static Placed place(WatchTransaction tx, long runId, OptionalInt callsPerStep) {
        NavigableMap<Integer, Instant> ends = tx.stepEnds(runId);
        PlacementKeys keys = tx.placementKeys(runId);
        Placement placement = StepPlacer.choose(ends, callsPerStep, keys.size());
        int[] steps;
        switch (placement) {
            case TIMESTAMP -> steps = StepPlacer.byTimestamp(keys.times(), ends);
            case INVOCATION_ORDER -> {
                steps = new int[keys.size()];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = StepPlacer.byOrder(i, callsPerStep.getAsInt());
                }
            }
            default -> steps = new int[0];
        }
        long moved = tx.updateSteps(keys, steps);
        tx.placement(runId, placement.wire());
        return new Placed(placement, moved);
    }

    /** Checks each record against the run's bundle and writes it, with a first guess at its step. */
    private static final class RecordSink implements Consumer<RewardRecord> {

        private final WatchTransaction tx;
        private final TrainingRun run;
        private final OptionalInt callsPerStep;
        private final WatchTransaction.RecordWriter writer;
        private Optional<String> bundle;
        private long position;

        RecordSink(WatchTransaction tx, TrainingRun run, OptionalInt callsPerStep) {
            this.tx = tx;
            this.run = run;
            this.callsPerStep = callsPerStep;
            this.writer = tx.records(run.id());
            this.bundle = run.bundle();
            this.position = tx.stats(run.id()).records();
        }

        @Override
        public void accept(RewardRecord r) {
            if (bundle.isEmpty()) {
                bundle = Optional.of(r.bundle());
                tx.bundle(run.id(), r.bundle());
            } else if (!bundle.get().equals(r.bundle())) {
                throw new WatchInputException(r.source(), "record of bundle " + r.bundle() + ", but training run "
                        + run.name() + " holds the records of bundle " + bundle.get() + " (its first); import it into"
                        + " a run of its own");
            }
            // A guess only: records in time order after the run's others land where the placement pass puts
            // them, so that pass rewrites nothing; anything else it corrects before the commit.
            int step = r.step().isPresent() ? r.step().getAsInt()
                    : callsPerStep.isPresent() ? StepPlacer.byOrder(position, callsPerStep.getAsInt()) : -1;
            position++;
            writer.add(r, step);
        }
    }
}
