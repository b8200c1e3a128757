package dev.juror.export;

import static dev.juror.export.BudgetWorkspaces.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.juror.export.BudgetWorkspaces.Call;
import dev.juror.judge.output.ResultStatus;
import dev.juror.rubric.CanonicalForm;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeUsageMeterTest {

    @TempDir
    Path dir;

    @Test
    void nearestRankP90AndMean() {
        TokenDistribution d = TokenDistribution.of(new long[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
        assertThat(d.mean()).isEqualTo(5.5);
        assertThat(d.p90()).isEqualTo(9);          // rank ceil(0.9 x 10) = 9 of 1..10
        assertThat(TokenDistribution.of(new long[] {42}).p90()).isEqualTo(42);
        assertThat(TokenDistribution.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}).p90()).isEqualTo(10); // ceil(9.9)
        assertThat(TokenDistribution.of(new long[0])).isEqualTo(TokenDistribution.ZERO);
    }

    @Test
    void measuresOkResultsOfThisRubricVersionAndModelOnly() throws Exception {
        String version = CanonicalForm.version(BudgetWorkspaces.rubric());
        String model = BudgetWorkspaces.MODEL;
        try (Workspace ws = BudgetWorkspaces.withSamples(dir)) {
            BudgetWorkspaces.run(ws, "bedrock", model, List.of(
                    ok(1000, 400, 0, 5000, 4000),           // first call of a document writes the cache
                    ok(1200, 600, 5000, 0, 6000),
                    ok(800, 500, 5000, 0, 5000),
                    ok(0, 0, 0, 0, 10),                     // provider reported no tokens: counted, not used
                    new Call(ResultStatus.API_ERROR, 9999, 9999, 0, 0, 60000)));   // not ok: ignored
            BudgetWorkspaces.run(ws, "bedrock", model, List.of(ok(1000, 500, 5000, 0, 5000)));
            BudgetWorkspaces.run(ws, "bedrock", "amazon.nova-pro-v1:0", List.of(ok(50_000, 50_000, 0, 0, 1)));
            BudgetWorkspaces.run(ws, "heuristic", model, List.of(ok(70_000, 70_000, 0, 0, 1)));

            JudgeUsage u = JudgeUsageMeter.measure(new JudgeRunRepository(ws), new JudgeResultRepository(ws), version, model).orElseThrow();
            assertThat(u.measured()).isTrue();
            assertThat(u.results()).isEqualTo(4);
            assertThat(u.runs()).isEqualTo(2);
            assertThat(u.okWithoutTokens()).isEqualTo(1);
            assertThat(u.input().mean()).isCloseTo((1000 + 1200 + 800 + 1000) / 4.0, within(1e-9));
            assertThat(u.input().p90()).isEqualTo(1200);
            assertThat(u.output().mean()).isCloseTo((400 + 600 + 500 + 500) / 4.0, within(1e-9));
            assertThat(u.cacheRead().mean()).isCloseTo(15000 / 4.0, within(1e-9));
            assertThat(u.cacheRead().p90()).isEqualTo(5000);
            assertThat(u.cacheWrite().mean()).isCloseTo(5000 / 4.0, within(1e-9));
            assertThat(u.latencyMs().orElseThrow().mean()).isCloseTo(5000, within(1e-9));
            // prompt = 1000 + 3750 + 1250 = 6000 per call; cached share 3750 / 6000
            assertThat(u.cachedShare()).isCloseTo(0.625, within(1e-12));
            assertThat(u.description()).contains("4 ok results of 2 judge runs").contains(version).contains(model)
                    .contains("1 ok results without token counts left out");

            assertThat(JudgeUsageMeter.measure(new JudgeRunRepository(ws), new JudgeResultRepository(ws), "other-version", model)).isEmpty();
        }
    }

    @Test
    void heuristicRunsAloneMeasureNothing() throws Exception {
        try (Workspace ws = BudgetWorkspaces.withSamples(dir)) {
            BudgetWorkspaces.run(ws, "heuristic", BudgetWorkspaces.MODEL, List.of(ok(0, 0, 0, 0, 1)));
            assertThat(JudgeUsageMeter.measure(new JudgeRunRepository(ws), new JudgeResultRepository(ws),
                    CanonicalForm.version(BudgetWorkspaces.rubric()), BudgetWorkspaces.MODEL)).isEqualTo(Optional.empty());
        }
    }
}
