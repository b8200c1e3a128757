package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.judge.run.RolloutPair;
import dev.juror.judge.run.RolloutPairs;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code juror judge} with the shipped pairwise rubric: pairs of one sample's rollouts, each judged
 * in both orders against the loopback Converse server, then replayed offline; {@code juror run show}
 * reports both verdicts per pair, the order-balanced winner and the run's position consistency.
 */
@ExtendWith(DummyAwsCredentials.class)
class PairwiseJudgeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUBRIC = "rubrics/pairwise-preference.yaml";
    private static final String SAMPLE = "cr-01-agape-odm-supply";
    private static final Pattern CANDIDATE = Pattern.compile("<(candidate_[AB])_[0-9a-f]+>\\n(.*?)</\\1_", Pattern.DOTALL);

    @TempDir
    Path temp;


    /** A pairwise answer giving every dimension and the winner to {@code verdict} as shown. */
    private static String answer(String verdict) {
        String dim = "{\"verdict\": \"" + verdict + "\", \"justification\": \"compared both\"}";
        return "{\"dimensions\": {\"Grounding\": " + dim + ", \"Coverage\": " + dim + ", \"Justification\": " + dim
                + ", \"Actionability\": " + dim + "}, \"winner\": \"" + verdict + "\", \"rationale\": \"r\"}";
    }

    private static JsonNode json(JudgeCliFixture.Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void bedrockJudgesEachPairInBothOrdersRunShowReportsConsistencyAndReplayReproducesIt() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));
        JsonNode live;
        try (ConverseTestServer server = ConverseTestServer.start()) {
            // Answers by content (the calls may arrive in any order): pair 1 prefers its first rollout
            // in both orders (A, then B as shown); pair 2 prefers whichever is shown first (A, A);
            // pair 3 says tie when its first rollout is shown first, and its other answer is broken.
            Map<String, Long> byPrediction = new java.util.HashMap<>();
            List<Long> ids = new java.util.ArrayList<>();
            try (Workspace opened = Workspace.open(ws)) {
                for (StoredRollout r : new RolloutRepository(opened).ofSample(SAMPLE)) {
                    byPrediction.put(r.prediction().strip(), r.id());
                    ids.add(r.id());
                }
            }
            List<RolloutPair> pairs = RolloutPairs.choose(ids, 3);
            server.respondWith(request -> {
                Map<String, String> shown = candidates(request);
                long a = byPrediction.get(shown.get("candidate_A").strip());
                long b = byPrediction.get(shown.get("candidate_B").strip());
                int k = 0;
                while (!(pairs.get(k).first() == a && pairs.get(k).second() == b)
                        && !(pairs.get(k).first() == b && pairs.get(k).second() == a)) {
                    k++;
                }
                boolean firstShownFirst = pairs.get(k).first() == a;
                return switch (k) {
                    case 0 -> Reply.text(answer(firstShownFirst ? "A" : "B"));
                    case 1 -> Reply.text(answer("A"));
                    default -> firstShownFirst ? Reply.text(answer("tie")) : Reply.text("```json\n" + answer("C") + "\n```");
                };
            });
            live = json(juror("judge", "--workspace", ws.toString(), "--rubric", RUBRIC, "--provider", "bedrock",
                    "--endpoint", server.endpoint().toString(), "--region", "us-east-1", "--model",
                    JudgeCliFixture.MODEL, "--samples", SAMPLE, "--max-pairs-per-sample", "3", "--concurrency", "1",
                    "--json"));

            assertThat(live.get("status").asText()).isEqualTo("finished");
            assertThat(live.get("pairs").asInt()).isEqualTo(3);
            assertThat(live.get("results").asInt()).isEqualTo(6);
            assertThat(live.get("expected_results").asInt()).isEqualTo(6);
            assertThat(live.get("counts").get("ok").asInt()).isEqualTo(5);
            assertThat(live.get("counts").get("schema_error").asInt()).isEqualTo(1);
            JsonNode pc = live.get("position_consistency");
            assertThat(pc.get("pairs").asInt()).isEqualTo(2);
            assertThat(pc.get("consistency").asDouble()).isEqualTo(0.5);
            assertThat(pc.get("first_shown_share").asDouble()).isEqualTo(1.0);

            // Both orders of a pair show the same two candidates, swapped, after the same documents.
            List<RecordedRequest> requests = server.requests();
            assertThat(requests).hasSize(6);
            Map<String, String> ab = candidates(requests.get(0));
            RecordedRequest swapped = requests.stream()
                    .filter(r -> candidates(r).get("candidate_A").equals(ab.get("candidate_B"))
                            && candidates(r).get("candidate_B").equals(ab.get("candidate_A")))
                    .findFirst().orElseThrow(() -> new AssertionError("the other order of the first pair was not sent"));
            assertThat(ab.get("candidate_A")).isNotEqualTo(ab.get("candidate_B"));
            assertThat(prefix(requests.get(0))).isEqualTo(prefix(swapped)).contains("<TargetDocument>");
        }
        long runId = live.get("run_id").asLong();

        JsonNode shown = json(juror("run", "show", Long.toString(runId), "--workspace", ws.toString(), "--json"));
        assertThat(shown.get("pairs").asInt()).isEqualTo(3);
        assertThat(shown.get("position_consistency").get("consistency").asDouble()).isEqualTo(0.5);
        assertThat(shown.get("position_consistency").get("balanced"))
                .isEqualTo(JSON.readTree("{\"A\": 1, \"B\": 0, \"tie\": 1}"));
        JsonNode pairs = shown.get("pairs_list");
        assertThat(pairs).hasSize(3);
        assertThat(pairs.get(0).get("sample_id").asText()).isEqualTo(SAMPLE);
        assertThat(pairs.get(0).get("a_shown_first").get("verdict").asText()).isEqualTo("A");
        assertThat(pairs.get(0).get("b_shown_first").get("verdict").asText()).isEqualTo("A");
        assertThat(pairs.get(0).get("consistent").asBoolean()).isTrue();
        assertThat(pairs.get(0).get("balanced").asText()).isEqualTo("A");
        assertThat(pairs.get(1).get("b_shown_first").get("verdict").asText()).isEqualTo("B");
        assertThat(pairs.get(1).get("consistent").asBoolean()).isFalse();
        assertThat(pairs.get(1).get("balanced").asText()).isEqualTo("tie");
        assertThat(pairs.get(2).get("a_shown_first").get("verdict").asText()).isEqualTo("tie");
        assertThat(pairs.get(2).get("b_shown_first").get("status").asText()).isEqualTo("schema_error");
        assertThat(pairs.get(2).get("balanced").isNull()).isTrue();
        JsonNode results = shown.get("results_list");
        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.has("rollout_b_id")).isTrue());
        // The malformed answer is stored with its schema error; A's share is the sample score of the others.
        JsonNode broken = results.get(5);
        assertThat(broken.get("status").asText()).isEqualTo("schema_error");
        assertThat(broken.get("error_kinds").asText()).contains("invalid_verdict");
        assertThat(broken.get("sample_score").isNull()).isTrue();
        assertThat(results.get(0).get("sample_score").asDouble()).isEqualTo(1.0);
        assertThat(results.get(1).get("sample_score").asDouble()).isEqualTo(0.0);
        assertThat(results.get(1).get("rollout_id").asLong()).isEqualTo(results.get(0).get("rollout_b_id").asLong());

        JudgeCliFixture.Run text = juror("run", "show", Long.toString(runId), "--workspace", ws.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("3 pairs of 6 rollouts x 2 orders x 1 repeats")
                .contains("position consistency 0.500: 1/2 pairs")
                .contains("first-shown won both orders in 1/1 inconsistent pairs (1.000)")
                .contains("tie (orders disagree)").contains("schema_error")
                .contains(results.get(0).get("rollout_id").asLong() + ">" + results.get(0).get("rollout_b_id").asLong());

        // Replay: no server; the recorded answers of both orders are parsed again.
        JsonNode replayed = json(juror("judge", "--workspace", ws.toString(), "--rubric", RUBRIC, "--provider", "replay",
                "--model", JudgeCliFixture.MODEL, "--samples", SAMPLE, "--max-pairs-per-sample", "3", "--json"));
        assertThat(replayed.get("counts")).isEqualTo(live.get("counts"));
        assertThat(replayed.get("position_consistency")).isEqualTo(live.get("position_consistency"));
    }

    private static Map<String, String> candidates(RecordedRequest request) {
        String suffix = request.body().get("messages").get(0).get("content").get(2).get("text").asText();
        Matcher m = CANDIDATE.matcher(suffix);
        Map<String, String> found = new java.util.HashMap<>();
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        assertThat(found).containsOnlyKeys("candidate_A", "candidate_B");
        return found;
    }

    private static String prefix(RecordedRequest request) {
        return request.body().get("messages").get(0).get("content").get(0).get("text").asText();
    }

    @Test
    void badPairwiseInputIsAOneLineErrorNamingTheFlagOrFile() throws Exception {
        Path ws = JudgeCliFixture.workspaceWithSamples(temp.resolve("ws"));

        JudgeCliFixture.Run heuristic = juror("judge", "--workspace", ws.toString(), "--rubric", RUBRIC,
                "--provider", "heuristic");
        assertThat(heuristic.exit()).isEqualTo(2);
        assertThat(heuristic.err()).contains(RUBRIC).contains("the heuristic judge grades pointwise rubrics only");

        JudgeCliFixture.Run zero = juror("judge", "--workspace", ws.toString(), "--rubric", RUBRIC,
                "--provider", "replay", "--max-pairs-per-sample", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--max-pairs-per-sample must be between 1 and 1000, was 0");

        JudgeCliFixture.Run pointwise = juror("judge", "--workspace", ws.toString(), "--rubric",
                JudgeCliFixture.CONTRACT_RUBRIC.toString(), "--provider", "heuristic", "--max-pairs-per-sample", "3");
        assertThat(pointwise.exit()).isEqualTo(2);
        assertThat(pointwise.err()).contains("--max-pairs-per-sample applies to pairwise rubrics only");

        JudgeCliFixture.Run resume = juror("judge", "--workspace", ws.toString(), "--resume", "1",
                "--max-pairs-per-sample", "3");
        assertThat(resume.exit()).isEqualTo(2);
        assertThat(resume.err()).contains("--max-pairs-per-sample");

        Path single = temp.resolve("single");
        try (Workspace opened = Workspace.open(single)) {
            SampleInput sample = new SampleInput("solo", "", "The contract.", "The playbook.", null, Map.of(),
                    List.of(new RolloutInput("[]", Map.of())), 1);
            new Importer(opened).importBatch(new ImportBatch(Path.of("solo.jsonl"), ImportFormat.JUROR, List.of(sample),
                    List.of(), List.of(), 1), ImportOptions.refuseInvalid());
        }
        JudgeCliFixture.Run noPairs = juror("judge", "--workspace", single.toString(), "--rubric", RUBRIC,
                "--provider", "replay");
        assertThat(noPairs.exit()).isEqualTo(2);
        assertThat(noPairs.err()).contains(RUBRIC + " is pairwise")
                .contains("no selected sample has two or more rollouts").contains("juror import");
    }
}
