package dev.juror.workspace.watch;

import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.watch.RunSeries;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.Baseline;
import dev.juror.watch.detect.BaselineJson;
import dev.juror.watch.detect.WatchReport;
import dev.juror.watch.detect.WatchReportBuilder;
import java.util.stream.Collectors;

/**
 * {@code juror watch report} and the Training screen: a run's {@link WatchReport} from its records,
 * its stored baseline and the checkpoints' expert agreement.
 */
public final class WatchReports {

    private final Repositories repositories;
    private final CheckpointSource checkpoints;

    public WatchReports(Workspace workspace) {
        this(Repositories.of(workspace), CheckpointSource.none());
    }

    public WatchReports(Repositories repositories, CheckpointSource checkpoints) {
        this.repositories = repositories;
        this.checkpoints = checkpoints;
    }

    /** The run's report; an unknown run name is refused naming the runs there are. */
    public WatchReport report(String runName) {
        TrainingRun run = run(runName);
        RunSeries series = repositories.trainingRuns().series(run);
        Baseline baseline = repositories.trainingRuns().baseline(run.id()).map(BaselineJson::read)
                .orElseGet(Baseline::none);
        return new WatchReportBuilder().build(series, baseline, checkpoints.agreements(run), checkpoints.pairs(run));
    }

    TrainingRun run(String runName) {
        return repositories.trainingRuns().find(runName).orElseThrow(() -> {
            String names = repositories.trainingRuns().all().stream().map(TrainingRun::name)
                    .collect(Collectors.joining(", "));
            return new WatchInputException("no training run '" + runName + "' in this workspace; "
                    + (names.isEmpty() ? "it has none yet (juror watch import --run NAME FILE...)" : "its runs: " + names));
        });
    }
}
