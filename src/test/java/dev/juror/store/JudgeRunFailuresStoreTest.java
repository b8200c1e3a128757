package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.judge.JudgeResult;
import dev.juror.judge.TokenUsage;
import dev.juror.judge.output.ResultStatus;
import dev.juror.judge.run.FailureThreshold;
import dev.juror.judge.run.RunResult;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 3, at the store: run owners and the interrupted mark on open, retry of failed
 * results with their history, the failure threshold, and V7 on a workspace stored before it.
 */
class JudgeRunFailuresStoreTest {

    @TempDir
    Path temp;

    private static Workspace withSamples(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir);
        new Importer(ws).importBatch(JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl")),
                ImportOptions.refuseInvalid());
        return ws;
    }

    private static long newRun(Workspace ws, List<Long> rollouts) throws Exception {
        Rubric rubric = new RubricYaml().read(Path.of("rubrics/contract-review.yaml"));
        return new JudgeRunRepository(ws).create(new NewJudgeRun(rubric.name(), CanonicalForm.version(rubric), "yaml",
                "bedrock", "m", "{}", 1, "all", rollouts));
    }

    private static JudgeResult result(ResultStatus status) {
        return new JudgeResult("k", status, Optional.empty(), "", status == ResultStatus.OK ? "" : "AccessDenied",
                Duration.ofMillis(5), TokenUsage.ZERO, "m", 1);
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    @Test
    void openingMarksRunsWhoseOwnerIsGoneInterruptedAndLeavesRunsOfLiveOwnersRunning() throws Exception {
        long mine;
        long killed;
        long reused;
        long legacy;
        try (Workspace ws = withSamples(temp)) {
            List<Long> rollouts = new JudgePlanLoader(ws).selectRollouts(List.of("cr-01-agape-odm-supply"));
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            mine = newRun(ws, rollouts);
            assertThat(runs.find(mine).orElseThrow().owner()).hasValueSatisfying(o -> {
                assertThat(o.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(o.host()).isEqualTo(RunOwner.hostName());
            });
            killed = newRun(ws, rollouts);
            runs.markRunning(killed, new RunOwner(deadPid(), RunOwner.hostName(), Optional.empty()));
            // This process's id, but a start time an hour off: the id was reused, the owner is gone.
            reused = newRun(ws, rollouts);
            Instant started = RunOwner.current().startedAt().orElse(Instant.now());
            runs.markRunning(reused, new RunOwner(ProcessHandle.current().pid(), RunOwner.hostName(),
                    Optional.of(started.minus(Duration.ofHours(1)))));
            // Stored before V7: running, no owner.
            legacy = newRun(ws, rollouts);
            try (Connection c = ws.connection(); PreparedStatement clear = c.prepareStatement(
                    "UPDATE judge_runs SET owner_pid = NULL, owner_host = NULL, owner_started_at = NULL WHERE id = ?")) {
                clear.setLong(1, legacy);
                clear.executeUpdate();
            }
        }
        try (Workspace ws = Workspace.open(temp)) {
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            assertThat(runs.find(mine).orElseThrow().status()).isEqualTo(JudgeRunStatus.RUNNING);
            for (long id : List.of(killed, reused, legacy)) {
                StoredJudgeRun run = runs.find(id).orElseThrow();
                assertThat(run.status()).as("run %d", id).isEqualTo(JudgeRunStatus.INTERRUPTED);
                assertThat(run.finishedAt()).as("run %d", id).isPresent();
                assertThat(run.owner()).as("run %d", id).isEmpty();
            }
            assertThat(runs.markAbandonedRunsInterrupted()).isEmpty();
        }
    }

    @Test
    void retryFailedMovesOnlyServiceFailuresAsideKeepingThemAsHistory() throws Exception {
        try (Workspace ws = withSamples(temp)) {
            List<Long> rollouts = new JudgePlanLoader(ws).selectRollouts(List.of("cr-01-agape-odm-supply"));
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            long id = newRun(ws, rollouts);
            List<ResultStatus> statuses = List.of(ResultStatus.API_ERROR, ResultStatus.TIMEOUT, ResultStatus.PARSE_ERROR,
                    ResultStatus.SCHEMA_ERROR, ResultStatus.REFUSED, ResultStatus.API_ERROR);
            for (int i = 0; i < statuses.size(); i++) {
                results.save(id, new RunResult(rollouts.get(i), 0, result(statuses.get(i))));
            }
            StoredJudgeRun before = runs.find(id).orElseThrow();
            assertThat(before.serviceFailures()).isEqualTo(3);
            assertThat(before.hasUnresolvedFailures()).isTrue();

            assertThat(runs.retryFailed(id)).isEqualTo(3);

            StoredJudgeRun after = runs.find(id).orElseThrow();
            assertThat(after.statusCounts()).isEqualTo(Map.of("parse_error", 1, "schema_error", 1, "refused", 1));
            assertThat(after.hasUnresolvedFailures()).isFalse();
            assertThat(results.finishedKeys(id)).containsExactlyInAnyOrder(rollouts.get(2) + "#0", rollouts.get(3) + "#0",
                    rollouts.get(4) + "#0");
            assertThat(runs.retriedCounts(id)).isEqualTo(Map.of("api_error", 2, "timeout", 1));
            assertThat(runs.retryFailed(id)).isZero();
        }
    }

    @Test
    void theThresholdCountsServiceFailuresOnlyAgainstTheExpectedResults() {
        assertThat(FailureThreshold.parse("0")).isEqualTo(FailureThreshold.NONE);
        assertThat(FailureThreshold.NONE.allows(0, 100)).isTrue();
        assertThat(FailureThreshold.NONE.allows(1, 100)).isFalse();
        assertThat(FailureThreshold.parse("12").allows(12, 100)).isTrue();
        assertThat(FailureThreshold.parse("12").allows(13, 100)).isFalse();
        assertThat(FailureThreshold.parse("2%").allowed(2640)).isEqualTo(52);
        assertThat(FailureThreshold.parse("2.5%").code()).isEqualTo("2.5%");
        assertThat(FailureThreshold.parse(" 100% ").allows(10, 10)).isTrue();
        assertThat(FailureThreshold.serviceFailures(Map.of("api_error", 2, "timeout", 1, "parse_error", 7,
                "schema_error", 3, "refused", 1, "ok", 9))).isEqualTo(3);
        // The repository's SQL list is the same set of statuses.
        assertThat(JudgeRunRepository.SERVICE_FAILURE_CODES).isEqualTo(FailureThreshold.SERVICE_FAILURES.stream()
                .map(s -> "'" + s.code() + "'").sorted().collect(java.util.stream.Collectors.joining(", ", "(", ")")));
        for (String bad : List.of("", "-1", "1.5", "101%", "x%", "1e3", "%")) {
            assertThatThrownBy(() -> FailureThreshold.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be a number of results");
        }
    }

    @Test
    void aFinishedRunWithServiceFailuresStoredBeforeV7BecomesFailed() throws Exception {
        long clean;
        long hidden;
        try (Workspace ws = withSamples(temp)) {
            List<Long> rollouts = new JudgePlanLoader(ws).selectRollouts(List.of("cr-01-agape-odm-supply"));
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            clean = newRun(ws, rollouts);
            results.save(clean, new RunResult(rollouts.get(0), 0, result(ResultStatus.PARSE_ERROR)));
            runs.markStatus(clean, JudgeRunStatus.FINISHED);
            hidden = newRun(ws, rollouts);
            results.save(hidden, new RunResult(rollouts.get(0), 0, result(ResultStatus.API_ERROR)));
            runs.markStatus(hidden, JudgeRunStatus.FINISHED);
        }
        MigrationUndo.run(temp, MigrationUndo.V7);
        try (Workspace ws = Workspace.open(temp)) {
            assertThat(ws.schemaVersion()).isGreaterThanOrEqualTo(7);
            JudgeRunRepository runs = new JudgeRunRepository(ws);
            JudgeResultRepository results = new JudgeResultRepository(ws);
            assertThat(runs.find(clean).orElseThrow().status()).isEqualTo(JudgeRunStatus.FINISHED);
            StoredJudgeRun failed = runs.find(hidden).orElseThrow();
            assertThat(failed.status()).isEqualTo(JudgeRunStatus.FAILED);
            assertThat(failed.statusText()).isEqualTo("failed: 1 service failure");
            assertThat(failed.maxFailures()).isEqualTo(FailureThreshold.NONE);
        }
    }
}
