package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 3: a run whose calls all fail must not end {@code finished} with exit 0, a
 * failed run's results must be re-runnable, and the threshold must be honoured. Runs go to the local
 * Converse test server; 403 AccessDenied (missing or refused credentials) is a service failure that
 * is not retried, so a failing run takes no back-off time.
 */
@ExtendWith(DummyAwsCredentials.class)
class JudgeRunFailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "cr-01-agape-odm-supply"; // 6 rollouts

    @TempDir
    Path temp;

    private JudgeCliFixture.Run judge(Path ws, ConverseTestServer server, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.responseRubric(temp).toString(), "--provider", "bedrock", "--endpoint",
                server.endpoint().toString(), "--region", "us-east-1", "--samples", SAMPLE, "--concurrency", "1"));
        args.addAll(List.of(more));
        return juror(args.toArray(String[]::new));
    }

    private static StoredJudgeRun stored(Path ws, long runId) {
        try (Workspace opened = Workspace.open(ws)) {
            return new JudgeRunRepository(opened).find(runId).orElseThrow();
        }
    }

    @Test
    void aRunWhoseEveryCallFailsIsFailedWithExit4AndRetryFailedRedoesItsResults() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.accessDenied());
            JudgeCliFixture.Run failed = judge(ws, server, "--json");

            // Before: status finished, exit 0, with 6 api_error results and nothing else.
            assertThat(failed.exit()).as(failed.err()).isEqualTo(JudgeCommand.RUN_FAILED);
            JsonNode summary = JSON.readTree(failed.out());
            assertThat(summary.get("status").asText()).isEqualTo("failed");
            assertThat(summary.get("counts").get("api_error").asInt()).isEqualTo(6);
            assertThat(summary.get("service_failures").asInt()).isEqualTo(6);
            long runId = summary.get("run_id").asLong();
            assertThat(failed.err()).contains("run " + runId + " has 6 service failures (6 api_error)")
                    .contains("juror judge --resume " + runId + " --retry-failed");

            JudgeCliFixture.Run runs = juror("runs", "--workspace", ws.toString());
            assertThat(runs.out()).contains("failed: 6 service failures");
            JudgeCliFixture.Run show = juror("run", "show", Long.toString(runId), "--workspace", ws.toString());
            assertThat(show.out()).contains("run " + runId + "  failed: 6 service failures")
                    .contains("6 service failures (api_error, timeout); threshold 0 (at most 0)");

            // A plain resume has nothing left to do: the failures are results, and still failures.
            JudgeCliFixture.Run plain = juror("judge", "--workspace", ws.toString(), "--resume", Long.toString(runId),
                    "--endpoint", server.endpoint().toString());
            assertThat(plain.exit()).as(plain.err()).isEqualTo(JudgeCommand.RUN_FAILED);
            assertThat(plain.out()).contains("0 results (6 already done)");

            // The service is back: --retry-failed judges the six again and the run finishes.
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER));
            int before = server.receivedCount();
            JudgeCliFixture.Run retried = juror("judge", "--workspace", ws.toString(), "--resume",
                    Long.toString(runId), "--retry-failed", "--endpoint", server.endpoint().toString());
            assertThat(retried.exit()).as(retried.err()).isZero();
            assertThat(retried.err()).contains("judging 6 failed results of run " + runId + " again");
            assertThat(retried.out()).contains("run " + runId + " finished").contains("6/6 results")
                    .contains("6 results (0 already done)");
            assertThat(server.receivedCount() - before).isEqualTo(6);
        }
        try (Workspace opened = Workspace.open(ws)) {
            JudgeRunRepository repo = new JudgeRunRepository(opened);
            long runId = repo.list().get(0).id();
            assertThat(new JudgeResultRepository(opened).resultsOf(runId)).hasSize(6).extracting(JudgeResultRow::status).containsOnly("ok");
            // History: the six failed attempts are kept, apart from the results.
            assertThat(repo.retriedCounts(runId)).containsExactly(java.util.Map.entry("api_error", 6));
        }
        JudgeCliFixture.Run show = juror("run", "show", "1", "--workspace", ws.toString());
        assertThat(show.out()).contains("retried   earlier failed attempts judged again: {api_error=6}");
    }

    @Test
    void maxFailuresAsACountOrAPercentageDecidesBetweenFinishedAndFailed() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER));

            server.enqueue(Reply.accessDenied(), Reply.accessDenied());
            JudgeCliFixture.Run within = judge(ws, server, "--max-failures", "2");
            assertThat(within.exit()).as(within.err()).isZero();
            assertThat(within.out()).contains("finished").contains("api_error 2");

            server.enqueue(Reply.accessDenied(), Reply.accessDenied());
            JudgeCliFixture.Run over = judge(ws, server, "--max-failures", "1");
            assertThat(over.exit()).as(over.err()).isEqualTo(JudgeCommand.RUN_FAILED);
            assertThat(over.out()).contains("failed: 2 service failures");

            // 2 of 6 results: 30% allows 1 (rounded down), 34% allows 2.
            server.enqueue(Reply.accessDenied(), Reply.accessDenied());
            assertThat(judge(ws, server, "--max-failures", "30%").exit()).isEqualTo(JudgeCommand.RUN_FAILED);
            server.enqueue(Reply.accessDenied(), Reply.accessDenied());
            assertThat(judge(ws, server, "--max-failures", "34%").exit()).isZero();

            // The default: any service failure fails the run.
            server.enqueue(Reply.accessDenied());
            assertThat(judge(ws, server).exit()).isEqualTo(JudgeCommand.RUN_FAILED);

            // Parse errors are the judge's own answers, not service failures: the run still finishes.
            server.enqueue(Reply.text("I cannot grade this."));
            JudgeCliFixture.Run prose = judge(ws, server);
            assertThat(prose.exit()).as(prose.err()).isZero();
            assertThat(prose.out()).contains("finished").contains("parse_error 1");

            // A resume may loosen the threshold of a failed run: the failures it holds are then tolerated.
            long overId = JSON.readTree(juror("runs", "--workspace", ws.toString(), "--json").out()).get(4)
                    .get("id").asLong();
            assertThat(stored(ws, overId).status().code()).isEqualTo("failed");
            JudgeCliFixture.Run loosened = juror("judge", "--workspace", ws.toString(), "--resume",
                    Long.toString(overId), "--max-failures", "2", "--endpoint", server.endpoint().toString());
            assertThat(loosened.exit()).as(loosened.err()).isZero();
            assertThat(stored(ws, overId).maxFailures().code()).isEqualTo("2");
        }
    }

    @Test
    void badFailureOptionsAreOneLineUsageErrors() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        for (String bad : List.of("-1", "1.5", "101%", "many", "%")) {
            JudgeCliFixture.Run r = juror("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(),
                    "--provider", "heuristic", "--max-failures", bad);
            assertThat(r.exit()).as(bad).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(r.err()).as(bad).startsWith("juror: --max-failures must be a number of results")
                    .doesNotContain("Exception").hasLineCount(1);
        }
        JudgeCliFixture.Run noResume = juror("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(),
                "--provider", "heuristic", "--retry-failed");
        assertThat(noResume.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(noResume.err()).contains("--retry-failed works with --resume RUN_ID");
        assertThat(juror("judge", "--help").out()).contains("--max-failures").contains("--retry-failed")
                .containsPattern("(?m)^\\s+4\\s+the run FAILED").containsPattern("(?m)^\\s+130\\s+interrupted");
    }

    @Test
    void anOpenAiRunWithAnUnsetApiKeyVariableDoesNotEndFinished() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER));
            JudgeCliFixture.Run r = juror("judge", "--workspace", ws.toString(), "--rubric",
                    JudgeCliFixture.responseRubric(temp).toString(), "--provider", "openai", "--base-url",
                    server.endpoint() + "/v1", "--model", "local-judge", "--samples", SAMPLE,
                    "--api-key-env", "JUROR_TEST_SURELY_UNSET_API_KEY");
            // Before: exit 0 and status finished with every result an api_error.
            assertThat(r.exit()).as(r.out() + r.err()).isNotZero();
            try (Workspace opened = Workspace.open(ws)) {
                new JudgeRunRepository(opened).list().forEach(run ->
                        assertThat(run.status().code()).isNotEqualTo("finished"));
            }
        }
    }
}
