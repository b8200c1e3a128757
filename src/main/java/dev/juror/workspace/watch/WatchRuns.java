package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.TrainingRunStats;
import dev.juror.store.Workspace;
import java.util.List;

/** {@code juror watch runs}: the training runs of a workspace with what each holds. */
public final class WatchRuns {

    /** A run and its numbers. */
    public record RunLine(TrainingRun run, TrainingRunStats stats) {
    }

    private final Repositories repositories;

    public WatchRuns(Workspace workspace) {
        this.repositories = Repositories.of(workspace);
    }

    public List<RunLine> list() {
        return repositories.trainingRuns().all().stream()
                .map(r -> new RunLine(r, repositories.trainingRuns().stats(r.id()))).toList();
    }
}
