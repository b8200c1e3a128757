package dev.juror.cli;

import static dev.juror.cli.BatchJudgeFixture.jurorWithKeys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import dev.juror.testing.batch.StubRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code juror judge --mode batch} against a loopback S3 and Bedrock control plane: output joined
 * back exactly although shuffled, judgements identical to an on-demand run and to a replay of the
 * same prompts, error and missing records accounted for and judged again on demand, the 100-record
 * minimum, and a create whose answer was lost retried with the same token.
 */
class BatchJudgeCommandTest {

    @TempDir
    Path temp;

    @Test
    void aBatchRunStoresWhatAnOnDemandRunAndAReplayOfTheSamePromptsStore() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture(); ConverseTestServer converse = ConverseTestServer.start()) {
            converse.respondWith(BatchJudgeFixture::converseAnswer);
            JudgeCliFixture.Run batch = jurorWithKeys(stubs.batchArgs("--workspace", ws.toString(), "--rubric",
                    rubric.toString(), "--repeats", "2", "--endpoint", converse.endpoint().toString()));
            assertThat(batch.exit()).as(batch.err()).isZero();
            assertThat(batch.out()).contains("run 1 finished").contains("100/100 results");
            assertThat(batch.err()).contains("goes to a Bedrock batch job")
                    .contains("Completed: 100 answered, 0 record errors, 0 missing");
            assertThat(converse.receivedCount()).as("on-demand calls of the batch run").isZero();
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
            List<String> outputs = stubs.s3.keys("juror-test", "runs/juror-run-1-1/output/");
            assertThat(outputs).anyMatch(k -> k.endsWith("records-00001.jsonl.out"))
                    .anyMatch(k -> k.endsWith("manifest.json.out"));

            JudgeCliFixture.Run online = jurorWithKeys(List.of("judge", "--workspace", ws.toString(), "--rubric",
                    rubric.toString(), "--provider", "bedrock", "--region", "us-east-1", "--repeats", "2",
                    "--endpoint", converse.endpoint().toString()));
            assertThat(online.exit()).as(online.err()).isZero();
            JudgeCliFixture.Run replay = JudgeCliFixture.juror("judge", "--workspace", ws.toString(), "--rubric",
                    rubric.toString(), "--provider", "replay", "--model", "amazon.nova-pro-v1:0", "--repeats", "2");
            assertThat(replay.exit()).as(replay.err()).isZero();

            try (Workspace opened = Workspace.open(ws)) {
                JudgeResultRepository results = Repositories.of(opened).judgeResults();
                Map<String, JudgeResultRow> batchRows = byKey(results.resultsOf(1));
                Map<String, JudgeResultRow> onlineRows = byKey(results.resultsOf(2));
                Map<String, JudgeResultRow> replayRows = byKey(results.resultsOf(3));
                assertThat(batchRows).hasSize(100).containsOnlyKeys(onlineRows.keySet());
                // Answers differ between rollouts, so an answer joined to the wrong call would show.
                assertThat(batchRows.values().stream().map(JudgeResultRow::rawOutput).distinct().count())
                        .isGreaterThan(5);
                for (String key : batchRows.keySet()) {
                    JudgeResultRow b = batchRows.get(key);
                    for (JudgeResultRow other : List.of(onlineRows.get(key), replayRows.get(key))) {
                        assertThat(b.status()).as(key).isEqualTo("ok").isEqualTo(other.status());
                        assertThat(b.rawOutput()).as(key).isEqualTo(other.rawOutput());
                        assertThat(b.sampleScore()).as(key).isEqualTo(other.sampleScore());
                    }
                    assertThat(b.inputTokens()).isEqualTo(onlineRows.get(key).inputTokens()).isEqualTo(1200);
                    assertThat(b.outputTokens()).isEqualTo(onlineRows.get(key).outputTokens()).isEqualTo(90);
                }
                assertThat(scores(results.scoresOf(1))).isEqualTo(scores(results.scoresOf(2)))
                        .isEqualTo(scores(results.scoresOf(3)));
            }
        }
    }

    @Test
    void errorAndMissingRecordsAreStoredAsFailuresAndJudgedAgainOnDemand() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture(); ConverseTestServer converse = ConverseTestServer.start()) {
            converse.respondWith(BatchJudgeFixture::converseAnswer);
            stubs.bedrock.answerWith((recordId, input) -> recordId.startsWith("R3r0-")
                    ? dev.juror.testing.batch.BatchAnswer.error(400, "The model could not read record " + recordId)
                    : dev.juror.testing.batch.BatchAnswer.text(BatchJudgeFixture.answerFor(
                            dev.juror.testing.batch.BatchAnswer.promptText(input)), "end_turn", 1200, 90))
                    .omitRecordsWhere(id -> id.startsWith("R4r1-") || id.startsWith("R5r0-"));

            JudgeCliFixture.Run batch = jurorWithKeys(stubs.batchArgs("--workspace", ws.toString(), "--rubric",
                    rubric.toString(), "--repeats", "2"));
            assertThat(batch.exit()).as(batch.err()).isEqualTo(JudgeCommand.RUN_FAILED);
            assertThat(batch.err()).contains("PartiallyCompleted: 97 answered, 1 record errors, 2 missing")
                    .contains("the manifest agrees (100 records)");

            try (Workspace opened = Workspace.open(ws)) {
                Map<String, JudgeResultRow> rows = byKey(Repositories.of(opened).judgeResults().resultsOf(1));
                assertThat(rows).hasSize(100);
                assertThat(rows.get("3#0").status()).isEqualTo("api_error");
                assertThat(rows.get("3#0").error()).contains("BatchRecordError").contains("could not read record R3r0-");
                assertThat(rows.get("4#1").error()).contains("MissingFromBatchOutput").contains("PartiallyCompleted");
                assertThat(rows.get("5#0").error()).contains("MissingFromBatchOutput");
            }

            JudgeCliFixture.Run retried = jurorWithKeys(List.of("judge", "--workspace", ws.toString(), "--resume", "1",
                    "--retry-failed", "online", "--endpoint", converse.endpoint().toString()));
            assertThat(retried.exit()).as(retried.err()).isZero();
            assertThat(retried.err()).contains("judging 3 failed results of run 1 again");
            assertThat(converse.receivedCount()).isEqualTo(3);
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
            try (Workspace opened = Workspace.open(ws)) {
                assertThat(Repositories.of(opened).judgeResults().resultsOf(1)).hasSize(100)
                        .allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
            }
        }
    }

    @Test
    void fewerCallsThanABatchJobTakesAreRefusedInBatchModeAndJudgedOnDemandInAuto() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture(); ConverseTestServer converse = ConverseTestServer.start()) {
            converse.respondWith(BatchJudgeFixture::converseAnswer);
            JudgeCliFixture.Run refused = jurorWithKeys(stubs.batchArgs("--workspace", ws.toString(), "--rubric",
                    rubric.toString()));
            assertThat(refused.exit()).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(refused.err()).contains("--mode: this run has 50 calls, and a Bedrock batch job takes at least 100"
                    + " records");
            assertThat(stubs.bedrock.jobsStarted()).isZero();
            assertThat(stubs.s3.requests()).isEmpty();

            List<String> auto = stubs.batchArgs("--workspace", ws.toString(), "--rubric", rubric.toString(),
                    "--endpoint", converse.endpoint().toString());
            auto.set(auto.indexOf("batch"), "auto");
            JudgeCliFixture.Run ran = jurorWithKeys(auto);
            assertThat(ran.exit()).as(ran.err()).isZero();
            assertThat(ran.err()).contains("fewer calls than a Bedrock batch job takes (100): judged on demand");
            assertThat(converse.receivedCount()).isEqualTo(50);
            assertThat(stubs.bedrock.jobsStarted()).isZero();
        }
    }

    @Test
    void aCreateWhoseAnswerWasLostIsRetriedWithTheSameTokenAndStartsOneJob() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        try (BatchJudgeFixture stubs = new BatchJudgeFixture()) {
            stubs.bedrock.loseCreateResponses(1);
            JudgeCliFixture.Run batch = jurorWithKeys(stubs.batchArgs("--workspace", ws.toString(), "--rubric",
                    rubric.toString(), "--repeats", "2"));
            assertThat(batch.exit()).as(batch.err()).isZero();
            List<StubRequest> creates = stubs.bedrock.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/model-invocation-job")).toList();
            assertThat(creates).hasSize(2);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(json.readTree(creates.get(0).body()).path("clientRequestToken").asText()).isNotBlank()
                    .isEqualTo(json.readTree(creates.get(1).body()).path("clientRequestToken").asText());
            assertThat(stubs.bedrock.jobsStarted()).isEqualTo(1);
        }
    }

    @Test
    void aPairwiseRunGoesToBatchAndJoinsEachOrderOfEachPair() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        String dim = "{\"verdict\": \"A\", \"justification\": \"compared both\"}";
        String answer = "{\"dimensions\": {\"Grounding\": " + dim + ", \"Coverage\": " + dim + ", \"Justification\": "
                + dim + ", \"Actionability\": " + dim + "}, \"winner\": \"A\", \"rationale\": \"r\"}";
        try (BatchJudgeFixture stubs = new BatchJudgeFixture()) {
            stubs.bedrock.replyText(answer);
            JudgeCliFixture.Run batch = jurorWithKeys(stubs.batchArgs("--workspace", ws.toString(), "--rubric",
                    "rubrics/pairwise-preference.yaml", "--model", "amazon.nova-pro-v1:0", "--repeats", "2"));
            assertThat(batch.exit()).as(batch.err()).isZero();
            assertThat(batch.err()).containsPattern("Completed: (\\d+) answered, 0 record errors, 0 missing");
            JudgeCliFixture.Run replay = JudgeCliFixture.juror("judge", "--workspace", ws.toString(), "--rubric",
                    "rubrics/pairwise-preference.yaml", "--provider", "replay", "--model", "amazon.nova-pro-v1:0",
                    "--repeats", "2");
            assertThat(replay.exit()).as(replay.err()).isZero();
            try (Workspace opened = Workspace.open(ws)) {
                JudgeResultRepository results = Repositories.of(opened).judgeResults();
                Map<String, JudgeResultRow> batchRows = pairs(results.resultsOf(1));
                assertThat(batchRows).hasSizeGreaterThanOrEqualTo(100)
                        .allSatisfy((key, row) -> assertThat(row.status()).isEqualTo("ok"));
                // Both orders of a pair are two calls, each joined to its own order.
                assertThat(batchRows.keySet()).allSatisfy(key -> assertThat(batchRows).containsKey(swapped(key)));
                Map<String, JudgeResultRow> replayRows = pairs(results.resultsOf(2));
                assertThat(replayRows.keySet()).isEqualTo(batchRows.keySet());
                batchRows.forEach((key, row) -> assertThat(replayRows.get(key).rawOutput()).isEqualTo(row.rawOutput()));
            }
        }
    }

    private static Map<String, JudgeResultRow> pairs(List<JudgeResultRow> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.rolloutId() + ">" + r.rolloutBId().orElseThrow() + "#"
                + r.repeat(), Function.identity()));
    }

    private static String swapped(String key) {
        String[] parts = key.split("[>#]");
        return parts[1] + ">" + parts[0] + "#" + parts[2];
    }

    private static Map<String, JudgeResultRow> byKey(List<JudgeResultRow> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.rolloutId() + "#" + r.repeat(), Function.identity()));
    }

    private static List<String> scores(List<JudgeScoreRow> rows) {
        return rows.stream().map(JudgeScoreRow::toString).sorted().toList();
    }
}
