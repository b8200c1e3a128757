package dev.juror.workspace.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.dataset.JsonlImportReader;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.Repositories;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.testing.HeuristicRuns;
import dev.juror.testing.watch.CheckpointFiles;
import dev.juror.watch.WatchInputException;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.CheckpointScores;
import dev.juror.workspace.calibration.WorkspaceCalibration;
import dev.juror.workspace.imports.ImportOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agreement per checkpoint is the calibration engine's on the checkpoint's rollouts: the same kappa
 * and interval as {@code juror calibrate} with a judge run that scored only those rollouts.
 */
class CheckpointAgreementsTest {

    private static final Path RUBRIC = Path.of("rubrics/contract-review.yaml");
    private static final BootstrapConfig CONFIG = BootstrapConfig.defaults(7).withResamples(200);

    @TempDir
    Path tmp;

    private Workspace workspace;
    private Rubric rubric;
    private final Map<String, List<Long>> rollouts = new LinkedHashMap<>();

    @BeforeEach
    void importLabelAndJudge() throws Exception {
        workspace = Workspace.open(tmp.resolve("ws"));
        rubric = new RubricYaml().read(RUBRIC);
        CheckpointRollouts checkpoints = new CheckpointRollouts(workspace);
        checkpoints.importBatch("rft-1", "ckpt-200", 200, JsonlImportReader.read(
                CheckpointFiles.juror(tmp.resolve("b.jsonl"), 4, 2, "late")), ImportOptions.refuseInvalid(), Optional.empty());
        checkpoints.importBatch("rft-1", "ckpt-100", 100, JsonlImportReader.read(
                CheckpointFiles.juror(tmp.resolve("a.jsonl"), 4, 2, "early")), ImportOptions.refuseInvalid(), Optional.empty());
        Repositories repositories = Repositories.of(workspace);
        List<NewLabel> labels = new ArrayList<>();
        int i = 0;
        for (int s = 1; s <= 4; s++) {
            for (StoredRollout r : repositories.rollouts().ofSample("s" + s)) {
                rollouts.computeIfAbsent(r.metadata().get("checkpoint").toString(), c -> new ArrayList<>()).add(r.id());
                int d = 0;
                for (String dimension : rubric.dimensionNames()) {
                    labels.add(label("ana", r.id(), dimension, 1 + (i * 3 + d) % 5));
                    labels.add(label("ben", r.id(), dimension, 1 + (i * 3 + d + 1) % 5));
                    d++;
                }
                i++;
            }
        }
        new LabelRepository(workspace).submit(labels);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private NewLabel label(String who, long rollout, String dimension, int score) {
        return new NewLabel(who, rollout, 0, "c1", dimension, Integer.toString(score), "", 5, "v1", true, false);
    }

    @Test
    void eachCheckpointsAgreementIsWhatCalibrateComputesOnItsRollouts() throws Exception {
        long early = HeuristicRuns.finished(workspace, RUBRIC, 1, rollouts.get("ckpt-100"));
        long late = HeuristicRuns.finished(workspace, RUBRIC, 1, rollouts.get("ckpt-200"));
        CheckpointAgreements agreements = new CheckpointAgreements(workspace, CONFIG);

        List<CheckpointAgreements.Measured> measured = agreements.measure("rft-1");

        assertThat(measured).extracting(m -> m.checkpoint().checkpoint()).containsExactly("ckpt-100", "ckpt-200");
        assertSameAsCalibrate(measured.get(0), early);
        assertSameAsCalibrate(measured.get(1), late);
        assertThat(agreements.agreements("rft-1")).extracting(CheckpointAgreement::step).containsExactly(100, 200);

        // A later run that scores both checkpoints replaces the earlier ones.
        long both = HeuristicRuns.finished(workspace, RUBRIC, 1, new ArrayList<>(rollouts.values().stream()
                .flatMap(List::stream).toList()));
        List<CheckpointAgreements.Measured> again = agreements.measure("rft-1");
        assertThat(again).allSatisfy(m -> assertThat(m.judgeRun()).contains("run-" + both));
        // Each checkpoint is measured on its own rollouts only, not on everything the run scored.
        assertThat(again).allSatisfy(m -> {
            assertThat(m.agreement().labelled()).isEqualTo(8);
            assertThat(m.scores().pairs()).hasSize(8);
        });
        DimensionCalibration whole = new WorkspaceCalibration(workspace).run(rubric, List.of(both), CONFIG, 2).report()
                .dimensions().getFirst();
        assertThat(again.getFirst().agreement().agreement().get(whole.dimension()))
                .isNotEqualTo(whole.judges().getFirst().vsHumans().kappaQuadratic().estimate().value());
    }

    private void assertSameAsCalibrate(CheckpointAgreements.Measured m, long runId) {
        assertThat(m.judgeRun()).contains("run-" + runId);
        assertThat(m.rollouts()).isEqualTo(8);
        CheckpointAgreement a = m.agreement();
        assertThat(a.labelled()).isEqualTo(8);
        WorkspaceCalibration.Result calibrated = new WorkspaceCalibration(workspace).run(rubric, List.of(runId), CONFIG, 2);
        for (DimensionCalibration d : calibrated.report().dimensions()) {
            StatWithCi expected = d.judges().getFirst().vsHumans().kappaQuadratic();
            assertThat(expected.estimate().isDefined()).isTrue();
            assertThat(a.agreement().get(d.dimension())).isEqualTo(expected.estimate().value());
            assertThat(a.lower().get(d.dimension())).isEqualTo(expected.lower().valueOr(Double.NaN));
            assertThat(a.upper().get(d.dimension())).isEqualTo(expected.upper().valueOr(Double.NaN));
        }
        assertThat(a.agreement()).containsOnlyKeys(rubric.dimensionNames());
        // The judge's scores vary, so the kappas say something (a constant judge would give 0 everywhere).
        assertThat(a.agreement().values()).anySatisfy(k -> assertThat(k).isNotZero());

        // The pairs: one per labelled rollout, the experts' side the rubric's score of the labellers' medians.
        CheckpointScores scores = m.scores();
        assertThat(scores.pairs()).hasSize(8);
        assertThat(a.judgeMean()).isCloseTo(java.util.Arrays.stream(scores.judge()).average().orElseThrow(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a.expertMean()).isCloseTo(java.util.Arrays.stream(scores.expert()).average().orElseThrow(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(scores.pairs()).allSatisfy(p -> {
            assertThat(p.judge()).isBetween(0.0, 1.0);
            assertThat(p.expert()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void theExpertScoreOfARolloutIsTheRubricsScoreOfTheLabellersMedians() throws Exception {
        HeuristicRuns.finished(workspace, RUBRIC, 1, rollouts.get("ckpt-200"));
        CheckpointScores late = new CheckpointAgreements(workspace, CONFIG).scores("rft-1").get(1);

        // The first rollout of s1 (ckpt-200 was imported first): ana 1,2,3 and ben 2,3,4 -> medians 2,2,4
        // (half to even: 1.5 -> 2, 2.5 -> 2, 3.5 -> 4).
        Map<String, Double> medians = new LinkedHashMap<>();
        List<String> dims = rubric.dimensionNames();
        medians.put(dims.get(0), 2.0);
        medians.put(dims.get(1), 2.0);
        medians.put(dims.get(2), 4.0);
        assertThat(late.pairs().getFirst().rollout()).isEqualTo("s1/0");
        assertThat(late.pairs().getFirst().expert()).isEqualTo(rubric.normalise(rubric.commentScore(medians)));
    }

    @Test
    void aCheckpointWithoutAJudgeRunHasNoNumbersAndAnUnknownRunIsRefused() {
        CheckpointAgreements.Measured m = new CheckpointAgreements(workspace, CONFIG).measure("rft-1").getFirst();

        assertThat(m.agreement().labelled()).isZero();
        assertThat(m.agreement().judgeMean()).isNaN();
        assertThat(m.note()).isEqualTo("no judge run scored its rollouts yet");
        assertThatThrownBy(() -> new CheckpointAgreements(workspace, CONFIG).agreements("rft-9"))
                .isInstanceOf(WatchInputException.class).hasMessageContaining("--run rft-9: no such training run");
    }
}
