package dev.juror.workspace.judging;

import static dev.juror.export.BudgetWorkspaces.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.juror.export.BudgetWorkspaces;
import dev.juror.export.JudgeRunCost;
import dev.juror.judge.JudgeItem;
import dev.juror.judge.run.JudgePlan;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.JudgePlanLoader;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A judge run's cost estimate: the same selection and prompts as the run, two prices, the batch minimum. */
class JudgeRunEstimateTest {

    static final Path POINTWISE = Path.of("rubrics/contract-review.yaml");
    static final Path PAIRWISE = Path.of("rubrics/pairwise-preference.yaml");
    static final String MODEL = BudgetWorkspaces.MODEL;
    static final String CR01 = "cr-01-agape-odm-supply";

    @TempDir
    Path dir;

    private static JudgeRunEstimate.Request request(Path rubric, String model, List<String> samples, int repeats)
            throws Exception {
        return new JudgeRunEstimate.Request(Files.readString(rubric), rubric.toString(), model, samples, repeats,
                OptionalInt.empty(), Optional.empty());
    }

    /** Mean of (system + user characters) / 4 over the items the run would plan, rendered independently. */
    private static double meanTokensOfPlan(Rubric rubric, JudgePlan plan) {
        long sum = 0;
        int n = plan.items().size();
        for (int i = 0; i < n; i++) {
            JudgeItem item = plan.items().get(i).item();
            RenderedPrompt p = PromptRenderer.secure().render(rubric, item.promptInputs());
            sum += (p.system().length() + p.userMessage().length()) / 4;
        }
        return (double) sum / n;
    }

    @Test
    void pointwiseRunWithoutEarlierResultsUsesTheRenderedPromptsAndMaxTokens() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir.resolve("ws"))) {
            Rubric rubric = new RubricYaml().read(POINTWISE);
            JudgePlanLoader loader = new JudgePlanLoader(ws);
            List<Long> selected = loader.selectGradeable(List.of(), rubric.unit()).selected();

            JudgeRunEstimate.Estimate e = new JudgeRunEstimate(ws).estimate(request(POINTWISE, "", List.of(), 3));

            assertThat(e.model()).isEqualTo(MODEL);
            assertThat(e.items()).isEqualTo(selected.size());
            assertThat(e.calls()).isEqualTo(selected.size() * 3L);
            assertThat(e.inputTokensPerCall()).isCloseTo(meanTokensOfPlan(rubric, loader.plan(rubric, selected, 1)),
                    offset(1.0));
            assertThat(e.maxInputTokens()).isGreaterThanOrEqualTo((long) e.inputTokensPerCall());
            assertThat(e.outputMeasured()).isFalse();
            assertThat(e.outputTokensPerCall()).isEqualTo(rubric.judge().maxTokens());
            assertThat(e.tokensBasis()).contains("characters / 4").contains("max_tokens, an upper bound");
            // The shipped example table was written into the workspace, as juror budget does.
            assertThat(e.pricesCreated()).isTrue();
            assertThat(dir.resolve("ws/prices.yaml")).isRegularFile();
            assertThat(e.cost().examplePrices()).isTrue();
            // Shipped sonnet prices: on demand 0.003 / 0.015, batch 0.0015 / 0.0075 per 1,000 tokens.
            double perCall = (e.inputTokensPerCall() * 0.003 + rubric.judge().maxTokens() * 0.015) / 1000;
            JudgeRunCost.Amount.Known onDemand = (JudgeRunCost.Amount.Known) e.cost().onDemand();
            JudgeRunCost.Amount.Known batch = (JudgeRunCost.Amount.Known) e.cost().batch();
            assertThat(onDemand.perCall()).isCloseTo(perCall, offset(1e-12));
            assertThat(batch.total()).isCloseTo(perCall / 2 * e.calls(), offset(1e-9));
        }
    }

    @Test
    void outputTokensAreTheMeanOfEarlierOkResultsOfTheSameVersionAndModelOnly() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir.resolve("ws"))) {
            BudgetWorkspaces.run(ws, "bedrock", MODEL, List.of(ok(1500, 400, 0, 0, 10), ok(2500, 600, 0, 0, 10)));
            BudgetWorkspaces.run(ws, "bedrock", "amazon.nova-pro-v1:0", List.of(ok(1500, 9000, 0, 0, 10)));
            BudgetWorkspaces.run(ws, "heuristic", MODEL, List.of(ok(1, 5, 0, 0, 10)));

            JudgeRunEstimate.Estimate e = new JudgeRunEstimate(ws).estimate(request(POINTWISE, MODEL, List.of(), 1));

            assertThat(e.outputMeasured()).isTrue();
            assertThat(e.outputTokensPerCall()).isEqualTo(500);
            assertThat(e.tokensBasis()).contains("mean of 2 earlier ok results").contains(MODEL);
        }
    }

    @Test
    void oneSampleOnlyAndTheHundredRecordBatchMinimum() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir.resolve("ws"))) {
            int rollouts = new JudgePlanLoader(ws).selectGradeable(List.of(CR01), new RubricYaml().read(POINTWISE).unit())
                    .selected().size();
            JudgeRunEstimate.Estimate one = new JudgeRunEstimate(ws).estimate(request(POINTWISE, MODEL, List.of(CR01), 1));
            assertThat(one.calls()).isEqualTo(rollouts).isLessThan(100);
            assertThat(one.cost().meetsBatchMinimum()).isFalse();
            assertThat(one.batchMinimumLine()).startsWith("batch: needs at least 100 records, this run has " + rollouts);

            int repeats = (100 + rollouts - 1) / rollouts;
            JudgeRunEstimate.Estimate enough = new JudgeRunEstimate(ws).estimate(request(POINTWISE, MODEL, List.of(CR01),
                    repeats));
            assertThat(enough.calls()).isGreaterThanOrEqualTo(100);
            assertThat(enough.cost().meetsBatchMinimum()).isTrue();
        }
    }

    @Test
    void pairwiseCountsEachPairInBothOrders() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir.resolve("ws"))) {
            Rubric rubric = new RubricYaml().read(PAIRWISE);
            JudgePlanLoader loader = new JudgePlanLoader(ws);
            var pairs = loader.selectPairs(List.of(), JudgeRunLauncher.DEFAULT_MAX_PAIRS_PER_SAMPLE).pairs();

            JudgeRunEstimate.Estimate e = new JudgeRunEstimate(ws).estimate(request(PAIRWISE, MODEL, List.of(), 2));

            assertThat(pairs).isNotEmpty();
            assertThat(e.items()).isEqualTo(pairs.size() * 2);
            assertThat(e.calls()).isEqualTo(pairs.size() * 4L);
            assertThat(e.inputTokensPerCall()).isCloseTo(meanTokensOfPlan(rubric, loader.planPairs(rubric, pairs, 1)),
                    offset(1.0));
        }
    }

    @Test
    void badSettingsAreNamedAsForARun() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir.resolve("ws"))) {
            JudgeRunEstimate estimate = new JudgeRunEstimate(ws);
            assertThatThrownBy(() -> estimate.estimate(request(POINTWISE, MODEL, List.of("nope"), 1)))
                    .isInstanceOfSatisfying(JudgeSetupException.class, e -> assertThat(e.setting()).isEqualTo("samples"))
                    .hasMessageContaining("nope");
            assertThatThrownBy(() -> estimate.estimate(request(POINTWISE, MODEL, List.of(), 0)))
                    .isInstanceOfSatisfying(JudgeSetupException.class, e -> assertThat(e.setting()).isEqualTo("repeats"));
        }
        try (Workspace empty = Workspace.open(dir.resolve("empty"))) {
            assertThatThrownBy(() -> new JudgeRunEstimate(empty).estimate(request(POINTWISE, MODEL, List.of(), 1)))
                    .isInstanceOfSatisfying(JudgeSetupException.class, e -> assertThat(e.setting()).isEqualTo("selection"));
        }
    }
}
