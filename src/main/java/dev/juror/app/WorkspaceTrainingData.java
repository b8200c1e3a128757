package dev.juror.app;

import dev.juror.app.training.TrainingData;
import dev.juror.app.training.TrainingRunChoice;
import dev.juror.store.Workspace;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.CheckpointRollouts;
import dev.juror.workspace.watch.TrainingRunReads;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Training screen's reads over one open workspace ({@link TrainingRunReads}), with the report
 * built by {@code reports} from the run's series. The last series read is kept, so a click on a step
 * reads no database: a run is read once per report, not once per click. Thread-safe (background
 * threads call it).
 */
final class WorkspaceTrainingData implements TrainingData {

    private final TrainingRunReads reads;
    private final Function<RunSeries, WatchReport> reports;
    private RunSeries last;

    WorkspaceTrainingData(Workspace workspace, Function<RunSeries, WatchReport> reports) {
        this.reads = new TrainingRunReads(workspace);
        this.reports = reports;
    }

    @Override
    public List<TrainingRunChoice> runs() {
        return reads.runs().stream().map(line -> new TrainingRunChoice(line.run().name(), line.stats().records(),
                line.stats().firstStep(), line.stats().lastStep(), line.run().placement())).toList();
    }

    @Override
    public WatchReport report(String run) {
        RunSeries series = reads.series(run);
        synchronized (this) {
            last = series;
        }
        return reports.apply(series);
    }

    @Override
    public Optional<StepRecords> step(String run, int step) {
        RunSeries series;
        synchronized (this) {
            series = last != null && last.run().equals(run) ? last : null;
        }
        if (series == null) {
            series = reads.series(run);
            synchronized (this) {
                last = series;
            }
        }
        return series.steps().stream().filter(s -> s.step() == step).findFirst();
    }

    @Override
    public List<CheckpointRollouts> checkpoints() {
        return reads.checkpoints();
    }

    /**
     * The reads on whichever workspace is open (null when none): the same object while the same
     * workspace stays open, so the screen can tell a reload from another workspace.
     */
    static Supplier<TrainingData> following(Supplier<Workspace> workspace, Function<RunSeries, WatchReport> reports) {
        return new Supplier<>() {
            private Workspace readFor;
            private TrainingData data;

            @Override
            public synchronized TrainingData get() {
                Workspace open = workspace.get();
                if (open != readFor) {
                    readFor = open;
                    data = open == null ? null : new WorkspaceTrainingData(open, reports);
                }
                return data;
            }
        };
    }
}
