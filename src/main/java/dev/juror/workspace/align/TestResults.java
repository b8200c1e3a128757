package dev.juror.workspace.align;

import dev.juror.align.CandidateScore;
import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.Rubric;
import dev.juror.store.Repositories;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chosen rubric measured on the test split, per dimension: its kappa exactly as {@code juror
 * calibrate --rubric NEW --run TEST_RUN} computes it (same use case, same bootstrap settings), the
 * baseline's kappa on the same labels, the paired-bootstrap interval of the difference, and the human
 * ceiling of that calibration.
 */
final class TestResults {

    private final Repositories repositories;
    private final Clock clock;
    private final BootstrapConfig config;

    TestResults(Repositories repositories, Clock clock, BootstrapConfig config) {
        this.repositories = repositories;
        this.clock = clock;
        this.config = config;
    }

    List<Experiment.DimensionResult> measure(Rubric aligned, long testRunId, JudgeRun chosenOnTest,
                                             JudgeRun baselineOnTest, List<Rating> testLabels) {
        WorkspaceCalibration.Result calibrated = new WorkspaceCalibration(repositories, clock)
                .run(aligned, List.of(testRunId), config, 1);
        AlignScoring scoring = new AlignScoring(aligned, config);
        CandidateScore baseline = scoring.score("baseline", testLabels, baselineOnTest);
        Map<String, StatWithCi> difference = scoring.difference(chosenOnTest, baselineOnTest, testLabels);
        List<Experiment.DimensionResult> out = new ArrayList<>();
        for (DimensionCalibration d : calibrated.report().dimensions()) {
            JudgeDimension j = d.judge(chosenOnTest.id()).orElse(null);
            StatWithCi kappa = j == null ? null : j.vsHumans().kappaQuadratic();
            StatWithCi ceiling = d.humanCeiling().agreement().kappaQuadratic();
            StatWithCi diff = difference.get(d.dimension());
            out.add(new Experiment.DimensionResult(d.dimension(), j == null ? 0 : j.vsHumans().items(),
                    kappa == null ? null : AlignScoring.value(kappa.estimate()),
                    kappa == null ? null : AlignScoring.low(kappa), kappa == null ? null : AlignScoring.high(kappa),
                    baseline.kappa().get(d.dimension()), AlignScoring.value(diff.estimate()), AlignScoring.low(diff),
                    AlignScoring.high(diff), AlignScoring.value(ceiling.estimate()), AlignScoring.low(ceiling),
                    AlignScoring.high(ceiling)));
        }
        return out;
    }
}
