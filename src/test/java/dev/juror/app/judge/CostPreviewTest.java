package dev.juror.app.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.ShippedRubric;
import dev.juror.app.settings.Settings;
import dev.juror.app.tasks.InlineBackgroundTasks;
import dev.juror.app.workspace.RubricChoice;
import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.export.JudgeRunCost;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.WorkspaceLookups;
import dev.juror.workspace.judging.JudgeRunEstimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run form's cost preview over a fake estimate source: asked off the FX thread when the rubric,
 * model, samples or repeats change, a newer question cancelling an older one, and worded for the
 * chosen provider and way of calling the judge.
 */
class CostPreviewTest {

    private final InlineBackgroundTasks tasks = InlineBackgroundTasks.queued();
    private final FakeEstimates reader = new FakeEstimates();
    private JudgeRunsViewModel vm;

    @BeforeEach
    void loaded() {
        vm = new JudgeRunsViewModel(tasks, Settings::defaults);
        vm.show(null, reader);
        tasks.runQueued();
    }

    private String preview() {
        return vm.preview().textProperty().get();
    }

    @Test
    void showsCallsTokensAndBothPricesOnceTheJudgeIsAModel() {
        assertThat(reader.questions).containsExactly("contract-review.yaml model= samples=[] repeats=1");
        assertThat(preview()).isEqualTo("88 calls; the heuristic judge calls no model: no cost.");

        vm.form().providerProperty().set("bedrock");

        assertThat(reader.questions).as("a provider change only rewords").hasSize(1);
        assertThat(preview()).isEqualTo("88 calls, about 2,950 input and 450 output tokens each: on demand 14.09 USD,"
                + " batch 7.05 USD (example prices)");
    }

    @Test
    void theBatchMinimumLineAppearsWhenABatchJobIsChosenForASmallerRun() {
        vm.form().providerProperty().set("bedrock");
        vm.form().batch().modeProperty().set(CallMode.BATCH);
        assertThat(preview()).endsWith("(example prices)\nBatch: needs at least 100 records, this run has 88 (run it"
                + " on demand, or with more samples or repeats).");

        vm.form().batch().modeProperty().set(CallMode.AUTO);
        assertThat(preview()).endsWith("\nAuto: below the 100 records a batch job takes, this run goes on demand.");

        vm.form().batch().modeProperty().set(CallMode.ON_DEMAND);
        assertThat(preview()).doesNotContain("\n");
    }

    @Test
    void aNewerChangeCancelsTheEstimateStillWaitingAndOnlyTheLastAnswerIsShown() {
        vm.form().providerProperty().set("bedrock");
        vm.form().repeatsProperty().set(2);
        assertThat(preview()).isEqualTo("Estimating the cost…");
        vm.form().modelProperty().set("anthropic.claude-3-haiku");
        vm.form().allSamplesProperty().set(false);
        vm.form().chosenSamples().setAll("cr-01");

        tasks.runQueued();

        assertThat(reader.questions).as("the older questions were cancelled before they ran").containsExactly(
                "contract-review.yaml model= samples=[] repeats=1",
                "contract-review.yaml model=anthropic.claude-3-haiku samples=[cr-01] repeats=2");
        assertThat(preview()).startsWith("88 calls, about");
    }

    @Test
    void anEstimateThatCannotBeMadeSaysWhy() {
        reader.failure = new JudgeSetupException("selection", "has no rollouts to judge; import samples first");
        vm.form().repeatsProperty().set(3);
        tasks.runQueued();
        assertThat(preview()).isEqualTo("No cost preview: selection has no rollouts to judge; import samples first");
    }

    @Test
    void aReloadedWorkspaceIsEstimatedAgainAndNoWorkspaceShowsNoPreview() {
        vm.show(null, reader);
        tasks.runQueued();
        assertThat(reader.questions).as("the same rubric chosen again still asks").hasSize(2);

        vm.show(null, null);
        tasks.runQueued();
        assertThat(preview()).isEmpty();
    }

    /** One rubric, two samples, no runs; every estimate is the same 88-call run (unless told to fail). */
    private static final class FakeEstimates implements RunReader {
        final List<String> questions = new ArrayList<>();
        RuntimeException failure;

        @Override
        public WorkspaceRubrics.RubricList rubrics() {
            return ShippedRubric.listOf(ShippedRubric.contractReview());
        }

        @Override
        public List<String> sampleIds() {
            return List.of("cr-01", "cr-02");
        }

        @Override
        public List<StoredJudgeRun> runs() {
            return List.of();
        }

        @Override
        public JudgeRunEstimate.Estimate estimate(RubricChoice rubric, String model, List<String> sampleIds,
                                                  int repeats) {
            questions.add(rubric.fileName() + " model=" + model + " samples=" + sampleIds + " repeats=" + repeats);
            if (failure != null) {
                throw failure;
            }
            JudgeRunCost cost = new JudgeRunCost(88, 2950, 450, new JudgeRunCost.Amount.Known(0.16, 14.09),
                    new JudgeRunCost.Amount.Known(0.08, 7.05), true);
            return new JudgeRunEstimate.Estimate("contract-review", "v", "m", 44, 2, 88, 2950, 3100, 450, true,
                    "basis", cost, "USD", "prices.yaml", false, 0, 0);
        }

        @Override
        public List<WorkspaceLookups.RunResult> resultsOf(long runId) {
            return List.of();
        }

        @Override
        public List<WorkspaceLookups.RunResult> resultsAfter(long runId, long afterId) {
            return List.of();
        }

        @Override
        public List<JudgeScoreDetail> scoreDetailsOf(long resultId) {
            return List.of();
        }
    }
}
