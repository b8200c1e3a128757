package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.ReplayKey;
import dev.juror.judge.heuristic.HeuristicJudge;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeRunRepositoryTest {

    @TempDir
    Path temp;

    private Workspace ws;
    private Rubric rubric;
    private JudgePlanLoader loader;
    private List<Long> rollouts;
    private JudgeRunRepository runs;
    private JudgeResultRepository results;

    @BeforeEach
    void importTheShippedSamples() throws Exception {
        rubric = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        ws = Workspace.open(temp);
        new Importer(ws).importBatch(JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl")),
                ImportOptions.refuseInvalid());
        loader = new JudgePlanLoader(ws);
        rollouts = loader.selectRollouts(List.of("cr-01-agape-odm-supply"));
        runs = new JudgeRunRepository(ws);
        results = new JudgeResultRepository(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private long newRun(String provider) {
        return runs.create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), "yaml",
                provider, "m", "{}", 1, "samples cr-01-agape-odm-supply", rollouts));
    }

    @Test
    void aSecondSaveOfTheSameRolloutAndRepeatIsIgnored() {
        long runId = newRun("bedrock");
        JudgeItem item = loader.plan(rubric, rollouts.subList(0, 1), 1).items().get(0).item();
        JudgeResult result = new HeuristicJudge().judge(item);
        RunResult runResult = new RunResult(rollouts.get(0), 0, result);

        assertThat(results.save(runId, runResult)).isTrue();
        assertThat(results.save(runId, runResult)).isFalse();
        results.sink(runId).save(runResult);

        assertThat(results.resultsOf(runId)).hasSize(1);
        int dimensions = rubric.dimensions().size();
        int comments = result.judgement().orElseThrow().comments().size();
        assertThat(results.scoresOf(runId)).hasSize(dimensions * comments);
        assertThat(results.finishedKeys(runId)).containsExactly(rollouts.get(0) + "#0");
        StoredJudgeRun stored = runs.find(runId).orElseThrow();
        assertThat(stored.rolloutIds()).isEqualTo(rollouts);
        assertThat(stored.statusCounts()).containsEntry("ok", 1);

        // The stored raw output is what replay answers with (the run's provider is a live one here).
        ReplayKey key = new ReplayKey(CanonicalForm.version(rubric), HeuristicJudge.MODEL, item.contentHash());
        assertThat(new RecordingRepository(ws).find(key, 0)).get().extracting(r -> r.rawOutput()).isEqualTo(result.rawOutput());
        assertThat(new RecordingRepository(ws).find(key, 1)).isEmpty();
    }

    @Test
    void resultsSavedTogetherSkipThoseAlreadyStoredAndKeepTheRest() {
        long runId = newRun("bedrock");
        List<RunResult> three = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(new RunResult(rollouts.get(i), 0,
                    new HeuristicJudge().judge(loader.plan(rubric, rollouts.subList(i, i + 1), 1).items().get(0).item())));
        }
        assertThat(results.save(runId, three.get(1))).isTrue();

        assertThat(results.saveAll(runId, three)).isEqualTo(2);
        results.sink(runId).saveAll(three);

        assertThat(results.resultsOf(runId)).hasSize(3);
        assertThat(results.finishedKeys(runId)).containsExactlyInAnyOrder(
                rollouts.get(0) + "#0", rollouts.get(1) + "#0", rollouts.get(2) + "#0");
        int scoresPerResult = rubric.dimensions().size()
                * three.get(0).result().judgement().orElseThrow().comments().size();
        assertThat(results.scoresOf(runId).stream().filter(s -> s.rolloutId() == rollouts.get(0))).hasSize(scoresPerResult);
    }

    @Test
    void resultsSavedTogetherAreAllOrNone() {
        long runId = newRun("bedrock");
        RunResult good = new RunResult(rollouts.get(0), 0,
                new HeuristicJudge().judge(loader.plan(rubric, rollouts.subList(0, 1), 1).items().get(0).item()));
        RunResult ofNoRollout = new RunResult(Long.MAX_VALUE, 0, good.result());

        assertThatThrownBy(() -> results.saveAll(runId, List.of(good, ofNoRollout)))
                .isInstanceOf(StoreException.class).hasMessageContaining("rollout " + Long.MAX_VALUE);

        assertThat(results.resultsOf(runId)).isEmpty();
        assertThat(results.scoresOf(runId)).isEmpty();
    }

    @Test
    void resultsAfterGivesOnlyTheNewerResultsWithTheirSampleInStoredOrder() {
        long runId = newRun("heuristic");
        var items = loader.plan(rubric, rollouts.subList(0, 3), 1).items();
        // Stored in reverse rollout order: the follower must see arrival order, not rollout order.
        for (int i = 2; i >= 0; i--) {
            results.save(runId, new RunResult(rollouts.get(i), 0, new HeuristicJudge().judge(items.get(i).item())));
        }
        List<JudgeResultRepository.ResultOfSample> all = results.resultsAfter(runId, 0);
        assertThat(all).extracting(r -> r.result().rolloutId())
                .containsExactly(rollouts.get(2), rollouts.get(1), rollouts.get(0));
        assertThat(all).extracting(JudgeResultRepository.ResultOfSample::sampleId).containsOnly("cr-01-agape-odm-supply");

        long firstId = all.get(0).result().id();
        assertThat(results.resultsAfter(runId, firstId)).extracting(r -> r.result().rolloutId())
                .containsExactly(rollouts.get(1), rollouts.get(0));
        assertThat(results.resultsAfter(runId, all.get(2).result().id())).isEmpty();
        assertThat(results.resultsAfter(runId + 1, 0)).isEmpty();
    }
}
