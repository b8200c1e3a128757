package dev.juror.app;

import dev.juror.app.training.TrainingData;
import dev.juror.app.training.TrainingRunChoice;
import dev.juror.store.Workspace;
import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.CheckpointForReview;
import dev.juror.workspace.watch.TrainingRunReads;
import dev.juror.workspace.watch.WatchReports;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Training screen's reads over one open workspace: the report is {@code juror watch report}'s
 * ({@link WatchReports}: the detectors, the run's baseline, expert agreement per checkpoint), the
 * runs, a step's records (read on their own, one step at a time) and the checkpoints come from
 * {@link TrainingRunReads}. Holds no state: background threads call it.
 */
final class WorkspaceTrainingData implements TrainingData {

    private final TrainingRunReads reads;
    private final WatchReports reports;

    WorkspaceTrainingData(Workspace workspace) {
        this.reads = new TrainingRunReads(workspace);
        this.reports = new WatchReports(workspace);
    }

    @Override
    public List<TrainingRunChoice> runs() {
        return reads.runs().stream().map(line -> new TrainingRunChoice(line.run().name(), line.stats().records(),
                line.stats().firstStep(), line.stats().lastStep(), line.run().placement())).toList();
    }

    @Override
    public WatchReport report(String run) {
        return reports.report(run);
    }

    @Override
    public Optional<StepRecords> step(String run, int step) {
        return reads.step(run, step);
    }

    @Override
    public List<CheckpointForReview> checkpoints(String run) {
        return reads.checkpoints(run);
    }

    /**
     * The reads on whichever workspace is open (null when none): the same object while the same
     * workspace stays open, so the screen can tell a reload from another workspace.
     */
    static Supplier<TrainingData> following(Supplier<Workspace> workspace) {
        return new Supplier<>() {
            private Workspace readFor;
            private TrainingData data;

            @Override
            public synchronized TrainingData get() {
                Workspace open = workspace.get();
                if (open != readFor) {
                    readFor = open;
                    data = open == null ? null : new WorkspaceTrainingData(open);
                }
                return data;
            }
        };
    }
}
