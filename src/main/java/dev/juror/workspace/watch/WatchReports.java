package dev.juror.workspace.watch;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.store.Repositories;
import dev.juror.store.TrainingRun;
import dev.juror.store.Workspace;
import dev.juror.watch.Placement;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.Baseline;
import dev.juror.watch.detect.BaselineJson;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointEvidence;
import dev.juror.watch.detect.CheckpointScores;
import dev.juror.watch.detect.StepTally;
import dev.juror.watch.detect.WatchReport;
import dev.juror.watch.detect.WatchReportBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code juror watch report} and the Training screen: a run's {@link WatchReport} from its stored step
 * facts ({@link StepFactsSource}; the records only of the steps an alarm names examples at),
 * its stored baseline and the checkpoints' expert agreement ({@link CheckpointEvidence}; over a
 * workspace {@link CheckpointAgreements}, with the bootstrap of {@code juror calibrate} without options).
 */
public final class WatchReports {

    /** The bootstrap of {@code juror calibrate} / {@code juror verdict} without options (2,000 resamples, seed 1). */
    static final BootstrapConfig BOOTSTRAP = BootstrapConfig.defaults(1);

    private final Repositories repositories;
    private final CheckpointEvidence checkpoints;

    public WatchReports(Workspace workspace) {
        this(Repositories.of(workspace));
    }

    private WatchReports(Repositories repositories) {
        this(repositories, new CheckpointAgreements(repositories, BOOTSTRAP));
    }

    public WatchReports(Repositories repositories, CheckpointEvidence checkpoints) {
        this.repositories = repositories;
        this.checkpoints = checkpoints;
    }

    /** The run's report; an unknown run name is refused naming the runs there are. */
    public WatchReport report(String runName) {
        TrainingRun run = run(runName);
        StepFactsSource source = new StepFactsSource(repositories.trainingRuns());
        List<StepTally> tallies = source.tallies(run);
        Baseline baseline = repositories.trainingRuns().baseline(run.id()).map(BaselineJson::read)
                .orElseGet(Baseline::none);
        List<CheckpointAgreement> agreements;
        List<CheckpointScores> scores;
        if (checkpoints instanceof CheckpointAgreements measured) {
            // One calibration per checkpoint, not one for the agreements and another for the scores.
            List<CheckpointAgreements.Measured> all = measured.measure(runName);
            agreements = all.stream().map(CheckpointAgreements.Measured::agreement).toList();
            scores = all.stream().map(CheckpointAgreements.Measured::scores).toList();
        } else {
            agreements = checkpoints.agreements(runName);
            scores = checkpoints.scores(runName);
        }
        return new WatchReportBuilder().build(run.name(), Placement.ofWire(run.placement()), tallies,
                source.records(run, tallies), baseline, agreements, scores);
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
