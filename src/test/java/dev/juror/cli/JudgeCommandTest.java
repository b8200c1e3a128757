package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.JudgeResultRepository;
import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DummyAwsCredentials.class)
class JudgeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;


    private static JsonNode json(JudgeCliFixture.Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void heuristicJudgesTheShippedSamplesOfflineAndRunsListsAndShowsIt() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));

        JsonNode summary = json(juror("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.CONTRACT_RUBRIC.toString(), "--provider", "heuristic", "--json"));

        assertThat(summary.get("status").asText()).isEqualTo("finished");
        // 6 of the 50 demo rollouts have no comments to grade (empty, prose only, malformed, empty
        // array): a comment-level run leaves them out; the reward's format check scores them.
        assertThat(summary.get("results").asInt()).isEqualTo(44);
        assertThat(summary.get("model").asText()).isEqualTo("heuristic-v1");
        JsonNode counts = summary.get("counts");
        assertThat(counts.get("ok").asInt()).isEqualTo(44);
        assertThat(summary.get("results_per_second").asDouble()).isPositive();
        long runId = summary.get("run_id").asLong();

        JsonNode runs = json(juror("runs", "--workspace", ws.toString(), "--json"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(runId);
        assertThat(runs.get(0).get("rubric").asText()).isEqualTo("contract-review");

        JudgeCliFixture.Run table = juror("runs", "--workspace", ws.toString());
        assertThat(table.out()).contains("contract-review@").contains("heuristic").contains("44/44");

        JsonNode shown = json(juror("run", "show", Long.toString(runId), "--workspace", ws.toString(), "--json"));
        assertThat(shown.get("results_list")).hasSize(44);
        JudgeCliFixture.Run text = juror("run", "show", Long.toString(runId), "--workspace", ws.toString());
        assertThat(text.out()).contains("run " + runId + "  finished").contains("heuristic heuristic-v1");

        try (Workspace opened = Workspace.open(ws)) {
            JudgeRunRepository repo = new JudgeRunRepository(opened);
            List<JudgeScoreRow> scores = new JudgeResultRepository(opened).scoresOf(runId);
            assertThat(scores).isNotEmpty().allSatisfy(s -> {
                assertThat(s.commentPosition()).isGreaterThanOrEqualTo(0);
                assertThat(s.score()).isBetween(1.0, 5.0);
            });
            assertThat(scores).extracting(JudgeScoreRow::dimension).containsOnly("TargetDocument_Grounding",
                    "Reference_Consistency", "Actionability");
        }
    }

    @Test
    void repeatsGiveOneResultPerRolloutAndRepeat() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));

        JsonNode summary = json(juror("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.CONTRACT_RUBRIC.toString(), "--provider", "heuristic", "--repeats", "3",
                "--samples", "cr-01-agape-odm-supply,cr-02-medalist-consulting", "--json"));

        try (Workspace opened = Workspace.open(ws)) {
            int gradeable = new dev.juror.store.JudgePlanLoader(opened).selectGradeable(
                    List.of("cr-01-agape-odm-supply", "cr-02-medalist-consulting"), dev.juror.rubric.Unit.COMMENT)
                    .selected().size();
            assertThat(gradeable).isBetween(8, 12);
            assertThat(summary.get("results").asInt()).isEqualTo(gradeable * 3);
            List<JudgeResultRow> results = new JudgeResultRepository(opened).resultsOf(summary.get("run_id").asLong());
            Map<Long, List<Integer>> repeats = results.stream().collect(Collectors.groupingBy(JudgeResultRow::rolloutId,
                    Collectors.mapping(JudgeResultRow::repeat, Collectors.toList())));
            assertThat(repeats).hasSize(gradeable).allSatisfy((rollout, r) -> assertThat(r).containsExactlyInAnyOrder(0, 1, 2));
            // The heuristic is deterministic: every repeat of a rollout gives the same score.
            Map<Long, List<Double>> byRollout = results.stream().filter(r -> r.sampleScore().isPresent())
                    .collect(Collectors.groupingBy(JudgeResultRow::rolloutId,
                            Collectors.mapping(r -> r.sampleScore().getAsDouble(), Collectors.toList())));
            assertThat(byRollout).allSatisfy((rollout, s) -> assertThat(s).containsOnly(s.get(0)));
        }
    }

    @Test
    void bedrockThroughTheTestServerPutsTheCachePointAfterTheDocumentsThenReplayReproducesTheRun() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        Path rubric = JudgeCliFixture.responseRubric(temp);
        JsonNode live;
        try (ConverseTestServer server = ConverseTestServer.start()) {
            // Answers alternate between a valid judgement and prose, so the run holds ok and parse_error results.
            server.setDefault(Reply.text(JudgeCliFixture.RESPONSE_ANSWER).withUsage(1200, 80, 0, 0));
            server.enqueue(Reply.text("I am unable to grade this.").withUsage(1200, 6, 0, 0), Reply.throttling());
            live = json(juror("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(),
                    "--provider", "bedrock", "--endpoint", server.endpoint().toString(), "--region", "us-east-1",
                    "--samples", "cr-01-agape-odm-supply", "--repeats", "2", "--concurrency", "1", "--json"));

            assertThat(live.get("results").asInt()).isEqualTo(12);
            assertThat(live.get("counts").get("ok").asInt()).isEqualTo(11);
            assertThat(live.get("counts").get("parse_error").asInt()).isEqualTo(1);
            assertThat(live.get("this_session").get("throttled").asInt()).isEqualTo(1);
            assertThat(live.get("tokens").get("input").asLong()).isEqualTo(12 * 1200L);
            RecordedRequest request = server.lastRequest();
            assertThat(request.modelId()).isEqualTo(JudgeCliFixture.MODEL);
            JsonNode content = request.body().get("messages").get(0).get("content");
            assertThat(content).hasSize(3);
            assertThat(content.get(0).get("text").asText()).contains("<TargetDocument>").doesNotContain("<candidate_");
            assertThat(content.get(1).has("cachePoint")).isTrue();
            assertThat(content.get(2).get("text").asText()).contains("<candidate_");
        }

        // Replay: no server at all; the recorded answers are parsed again and give the same results.
        JsonNode replayed = json(juror("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(),
                "--provider", "replay", "--samples", "cr-01-agape-odm-supply", "--repeats", "2", "--json"));
        assertThat(replayed.get("counts")).isEqualTo(live.get("counts"));
        assertThat(replayed.get("tokens").get("input").asLong()).isZero();
        try (Workspace opened = Workspace.open(ws)) {
            JudgeRunRepository repo = new JudgeRunRepository(opened);
            assertThat(outcomes(new JudgeResultRepository(opened).resultsOf(replayed.get("run_id").asLong())))
                    .isEqualTo(outcomes(new JudgeResultRepository(opened).resultsOf(live.get("run_id").asLong())));
            assertThat(new JudgeResultRepository(opened).scoresOf(replayed.get("run_id").asLong()).stream().map(JudgeCommandTest::withoutRun).toList())
                    .isEqualTo(new JudgeResultRepository(opened).scoresOf(live.get("run_id").asLong()).stream().map(JudgeCommandTest::withoutRun).toList());
        }

        // A third repeat was never recorded: replay says so instead of inventing a score.
        JsonNode missing = JSON.readTree(juror("judge", "--workspace", ws.toString(), "--rubric", rubric.toString(),
                "--provider", "replay", "--samples", "cr-01-agape-odm-supply", "--repeats", "3", "--json").out());
        assertThat(missing.get("counts").get("api_error").asInt()).isEqualTo(6);
        try (Workspace opened = Workspace.open(ws)) {
            assertThat(new JudgeResultRepository(opened).resultsOf(missing.get("run_id").asLong()))
                    .filteredOn(r -> r.repeat() == 2)
                    .allSatisfy(r -> assertThat(r.error()).contains("no recording for"));
        }
    }

    private static List<String> outcomes(List<JudgeResultRow> rows) {
        return rows.stream().map(r -> r.rolloutId() + "#" + r.repeat() + " " + r.status() + " "
                + (r.sampleScore().isPresent() ? r.sampleScore().getAsDouble() : "-")).toList();
    }

    private static String withoutRun(JudgeScoreRow s) {
        return s.rolloutId() + "/" + s.repeat() + "/" + s.commentPosition() + "/" + s.dimension() + "=" + s.score();
    }

    @Test
    void badInputIsAOneLineErrorWithExitTwo() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        JudgeCliFixture.Run noProvider = juror("judge", "--workspace", ws.toString(), "--rubric", "rubrics/contract-review.yaml");
        assertThat(noProvider.exit()).isEqualTo(2);
        assertThat(noProvider.err()).contains("--provider");

        JudgeCliFixture.Run unknown = juror("judge", "--workspace", ws.toString(), "--rubric",
                "rubrics/contract-review.yaml", "--provider", "gpt");
        assertThat(unknown.err()).contains("--provider gpt is not known");

        JudgeCliFixture.Run unsupported = juror("judge", "--workspace", ws.toString(), "--rubric",
                "rubrics/boolean-checklist.yaml", "--provider", "heuristic");
        assertThat(unsupported.exit()).isEqualTo(2);
        assertThat(unsupported.err()).contains("Issue_Valid");

        JudgeCliFixture.Run sample = juror("judge", "--workspace", ws.toString(), "--rubric",
                "rubrics/contract-review.yaml", "--provider", "heuristic", "--samples", "nope");
        assertThat(sample.err()).contains("sample \"nope\" is not in the workspace");

        JudgeCliFixture.Run resume = juror("judge", "--workspace", ws.toString(), "--resume", "99");
        assertThat(resume.exit()).isEqualTo(2);
        assertThat(resume.err()).contains("--resume 99: no such run");

        JudgeCliFixture.Run show = juror("run", "show", "99", "--workspace", ws.toString());
        assertThat(show.exit()).isEqualTo(2);
        assertThat(show.err()).contains("no judge run 99");
    }
}
