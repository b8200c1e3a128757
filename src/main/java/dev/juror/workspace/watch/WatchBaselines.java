package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.Baseline;
import dev.juror.watch.detect.BaselineJson;

/**
 * Stores what a run's detectors compare with: the {@link Baseline} read from the bundle an import
 * named ({@code juror watch import --bundle DIR}); a later bundle replaces it.
 */
public final class WatchBaselines {

    private final Repositories repositories;

    public WatchBaselines(Workspace workspace) {
        this.repositories = Repositories.of(workspace);
    }

    public void save(String runName, Baseline baseline) {
        TrainingRun run = repositories.trainingRuns().find(runName)
                .orElseThrow(() -> new WatchInputException("no training run '" + runName + "' to keep the baseline with"));
        repositories.trainingRuns().saveBaseline(run.id(), BaselineJson.write(baseline));
    }
}
