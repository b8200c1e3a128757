package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.DummyAwsCredentials;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code juror calibrate} on the shipped pairwise rubric: samples imported, a pairwise judge run
 * (loopback Converse server, a judge that prefers the earlier rollout in either order), two
 * labellers' preferences imported from a pack (one of them with every pair stored the other way
 * round and shown swapped); {@code --json} has a {@code pairwise} section per run.
 */
@ExtendWith(DummyAwsCredentials.class)
class PairwiseCalibrateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUBRIC = "rubrics/pairwise-preference.yaml";
    private static final String SAMPLE = "cr-01-agape-odm-supply";
    private static final List<String> DIMENSIONS = List.of("Grounding", "Coverage", "Justification", "Actionability");
    private static final Pattern CANDIDATE = Pattern.compile("<(candidate_[AB])_[0-9a-f]+>\\n(.*?)</\\1_", Pattern.DOTALL);

    @TempDir
    Path temp;

    @Test
    void calibrateJsonHasAPairwiseSectionWithAgreementAndPositionConsistency() throws Exception {
        Path ws = temp.resolve("ws");
        JudgeCliFixture.Run imported = juror("import", JudgeCliFixture.SAMPLES.toString(), "--workspace", ws.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        Map<String, StoredRollout> byPrediction = new HashMap<>();
        try (Workspace opened = Workspace.open(ws)) {
            new RolloutRepository(opened).ofSample(SAMPLE).forEach(r -> byPrediction.put(r.prediction().strip(), r));
        }
        long runId;
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.respondWith(request -> {
                Map<String, String> shown = candidates(request);
                StoredRollout a = byPrediction.get(shown.get("candidate_A").strip());
                StoredRollout b = byPrediction.get(shown.get("candidate_B").strip());
                return Reply.text(answer(a.index() < b.index() ? "A" : "B"));
            });
            JudgeCliFixture.Run judged = juror("judge", "--workspace", ws.toString(), "--rubric", RUBRIC, "--provider",
                    "bedrock", "--endpoint", server.endpoint().toString(), "--region", "us-east-1", "--model",
                    JudgeCliFixture.MODEL, "--samples", SAMPLE, "--max-pairs-per-sample", "3", "--concurrency", "1",
                    "--json");
            assertThat(judged.exit()).as(judged.err()).isZero();
            runId = JSON.readTree(judged.out()).get("run_id").asLong();
        }
        JsonNode shown = JSON.readTree(juror("run", "show", Long.toString(runId), "--workspace", ws.toString(),
                "--json").out());
        List<String> pack = new ArrayList<>();
        try (Workspace opened = Workspace.open(ws)) {
            RolloutRepository rollouts = new RolloutRepository(opened);
            int n = 0;
            for (JsonNode pair : shown.get("pairs_list")) {
                StoredRollout first = rollouts.find(pair.get("rollout_a").asLong()).orElseThrow();
                StoredRollout second = rollouts.find(pair.get("rollout_b").asLong()).orElseThrow();
                for (String d : DIMENSIONS) {
                    // ann: the pair in the run's order, shown so, prefers the first rollout (A)
                    pack.add(line("ann-" + n, "ann", first, second, "AB", d, "A"));
                    // bea: the pair stored the other way round and shown swapped: "B" there is the run's first rollout
                    pack.add(line("bea-" + n, "bea", second, first, "BA", d, "B"));
                    n++;
                }
            }
        }
        Path packFile = temp.resolve("preferences.jsonl");
        Files.write(packFile, pack);
        JudgeCliFixture.Run packed = juror("labels", "import", packFile.toString(), "--rubric", RUBRIC, "--workspace",
                ws.toString());
        assertThat(packed.exit()).as(packed.err()).isZero();

        JudgeCliFixture.Run calibrated = juror("calibrate", "--rubric", RUBRIC, "--run", Long.toString(runId),
                "--workspace", ws.toString(), "--json", "--resamples", "200");
        assertThat(calibrated.exit()).as(calibrated.err()).isZero();
        JsonNode doc = JSON.readTree(calibrated.out());
        assertThat(doc.get("mode").asText()).isEqualTo("pairwise");
        assertThat(doc.get("human_preferences").asInt()).isEqualTo(24);
        JsonNode run = doc.get("pairwise").get(0);
        assertThat(run.get("run").asText()).isEqualTo("run-" + runId);
        assertThat(run.get("position_consistency").get("consistency").asDouble()).isEqualTo(1.0);
        assertThat(run.get("dimensions")).hasSize(4);
        JsonNode grounding = run.get("dimensions").get(0);
        assertThat(grounding.get("dimension").asText()).isEqualTo("Grounding");
        assertThat(grounding.get("judge_vs_humans").get("n_pairs").asInt()).isEqualTo(3);
        assertThat(grounding.get("judge_vs_humans").get("n_comparisons").asInt()).isEqualTo(6);
        assertThat(grounding.get("judge_vs_humans").get("accuracy_excluding_ties").get("value").asDouble()).isEqualTo(1.0);
        assertThat(grounding.get("human_vs_human").get("exact").get("value").asDouble()).isEqualTo(1.0);
        assertThat(grounding.get("judge_vs_humans").has("kappa")).isTrue();
        assertThat(grounding.get("pairs_labelled_by_two_or_more").asInt()).isEqualTo(3);
        assertThat(grounding.get("position_consistency").get("consistency").asDouble()).isEqualTo(1.0);
        List<String> conditions = new ArrayList<>();
        run.get("conditions").forEach(c -> conditions.add(c.get("name").asText()));
        assertThat(conditions).contains("rubric_version", "min_items", "kappa_lower_bound", "human_ceiling",
                "position_flip_rate").doesNotContain("regression_suite");
        assertThat(run.get("validated").asBoolean()).isFalse();   // 3 pairs are far below min_items 50

        JudgeCliFixture.Run text = juror("calibrate", "--rubric", RUBRIC, "--run", Long.toString(runId),
                "--workspace", ws.toString(), "--resamples", "200");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("judge vs humans").contains("accuracy without ties").contains("position consistency");

        JudgeCliFixture.Run anchors = juror("calibrate", "--rubric", RUBRIC, "--run", Long.toString(runId),
                "--workspace", ws.toString(), "--anchors", "x");
        assertThat(anchors.exit()).isEqualTo(2);
        assertThat(anchors.err()).contains("--anchors").doesNotContain("Exception");
        JudgeCliFixture.Run noRun = juror("calibrate", "--rubric", RUBRIC, "--run", "99", "--workspace", ws.toString());
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err()).contains("--run 99");
    }

    private static String line(String uid, String who, StoredRollout a, StoredRollout b, String shown, String dimension,
                               String score) throws Exception {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("uid", uid);
        m.put("labeller", who);
        m.put("sample_id", a.sampleId());
        m.put("rollout_index", a.index());
        m.put("prediction_hash", a.predictionHash());
        m.put("comment_position", -1);
        m.put("dimension", dimension);
        m.put("score", score);
        m.put("rubric_version", "v1");
        m.put("judge_hidden", true);
        m.put("blind", true);
        m.put("created_at", "2026-01-01T00:00:00Z");
        m.put("rollout_b_index", b.index());
        m.put("prediction_b_hash", b.predictionHash());
        m.put("shown_order", shown);
        return JSON.writeValueAsString(m);
    }

    private static String answer(String verdict) {
        String dim = "{\"verdict\": \"" + verdict + "\", \"justification\": \"compared both\"}";
        return "{\"dimensions\": {\"Grounding\": " + dim + ", \"Coverage\": " + dim + ", \"Justification\": " + dim
                + ", \"Actionability\": " + dim + "}, \"winner\": \"" + verdict + "\", \"rationale\": \"r\"}";
    }

    private static Map<String, String> candidates(RecordedRequest request) {
        String suffix = request.body().get("messages").get(0).get("content").get(2).get("text").asText();
        Matcher m = CANDIDATE.matcher(suffix);
        Map<String, String> found = new HashMap<>();
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }
}
