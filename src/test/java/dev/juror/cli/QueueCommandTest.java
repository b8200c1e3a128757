package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code juror queue create|list|show} on the shipped samples: a stratified queue with overlap, a
 * fresh sample that the same seed draws again and that leaves labelled rollouts out, a checkpoint
 * queue, and each bad input refused with exit 2 and one sentence naming the option.
 */
class QueueCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static AnchorsCommandTest.Run juror(String... args) {
        return AnchorsCommandTest.juror(args);
    }

    private static JsonNode ok(String... args) throws Exception {
        AnchorsCommandTest.Run r = juror(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return args[args.length - 1].equals("--json") ? JSON.readTree(r.out()) : null;
    }

    private static Map<String, List<Long>> items(JsonNode shown) {
        Map<String, List<Long>> out = new HashMap<>();
        shown.get("items").fields().forEachRemaining(e -> {
            List<Long> ids = new ArrayList<>();
            e.getValue().forEach(i -> ids.add(i.get("rollout_id").asLong()));
            out.put(e.getKey(), ids);
        });
        return out;
    }

    private static void refused(String option, String... args) {
        AnchorsCommandTest.Run r = juror(args);
        assertThat(r.exit()).as(r.out()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("juror: " + option).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void createsListsAndShowsQueuesAndRefusesBadInput() throws Exception {
        Path ws = temp.resolve("ws");
        String w = ws.toString();
        CalibrationWorkspace.importSamples(ws);
        long run = CalibrationWorkspace.heuristicRun(ws, 1);

        JsonNode created = ok("queue", "create", "--name", "bands", "--strategy", "stratified", "--run",
                Long.toString(run), "--count", "4", "--overlap", "2", "--labellers", "Ann, Bea,Cy", "--seed", "7",
                "--workspace", w, "--json");
        assertThat(created.get("strategy").asText()).isEqualTo("stratified");
        assertThat(created.get("seed").asLong()).isEqualTo(7);
        assertThat(created.get("progress").toString()).contains("\"labeller\":\"Ann\",\"done\":0,\"assigned\":4");

        JsonNode shown = ok("queue", "show", "bands", "--workspace", w, "--json");
        Map<String, List<Long>> assigned = items(shown);
        assertThat(assigned).containsOnlyKeys("Ann", "Bea", "Cy");
        assigned.values().forEach(list -> assertThat(list).hasSize(4).doesNotHaveDuplicates());
        Map<Long, Integer> holders = new HashMap<>();
        assigned.values().forEach(list -> list.forEach(r -> holders.merge(r, 1, Integer::sum)));
        assertThat(holders).hasSize(6).allSatisfy((r, k) -> assertThat(k).isEqualTo(2));

        // fresh: the same seed draws the same rollouts; after Ann's labels, none of hers is drawn
        ok("queue", "create", "--name", "fresh-1", "--strategy", "fresh", "--count", "5", "--labellers", "Ann",
                "--seed", "11", "--workspace", w);
        ok("queue", "create", "--name", "fresh-2", "--strategy", "fresh", "--count", "5", "--labellers", "Ann",
                "--seed", "11", "--workspace", w);
        assertThat(items(ok("queue", "show", "fresh-2", "--workspace", w, "--json")))
                .isEqualTo(items(ok("queue", "show", "fresh-1", "--workspace", w, "--json")));
        ok("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_2.toString(), "--workspace", w);
        Set<Long> labelled = new HashSet<>(items(ok("queue", "show", "fresh-1", "--workspace", w, "--json"))
                .get("Ann"));
        JsonNode afterLabels = ok("queue", "create", "--name", "fresh-3", "--strategy", "fresh", "--count", "500",
                "--labellers", "Ann", "--seed", "11", "--workspace", w, "--json");
        assertThat(afterLabels.get("progress").get(0).get("assigned").asInt()).isPositive();
        List<Long> fresh = items(ok("queue", "show", "fresh-3", "--workspace", w, "--json")).get("Ann");
        JsonNode packShown = ok("queue", "create", "--name", "disagree", "--strategy", "disagreement", "--run",
                Long.toString(run), "--count", "3", "--labellers", "Ann", "--workspace", w, "--json");
        assertThat(packShown.get("progress").get(0).get("assigned").asInt()).isEqualTo(3);
        List<Long> disputed = items(ok("queue", "show", "disagree", "--workspace", w, "--json")).get("Ann");
        assertThat(fresh).doesNotContainAnyElementsOf(disputed); // disputed rollouts are labelled, fresh ones not
        assertThat(labelled).isNotEmpty();

        String list = juror("queue", "list", "--workspace", w).out();
        assertThat(list).contains("bands  stratified (run " + run + ")  Ann 0/4 · Bea 0/4 · Cy 0/4")
                .contains("fresh-1  fresh  Ann ");
        assertThat(ok("queue", "list", "--workspace", w, "--json")).hasSize(5);
        assertThat(juror("queue", "show", "bands", "--workspace", w).out())
                .startsWith("queue bands: stratified by judge run " + run + ", seed 7; 4 per labeller, overlap 2;")
                .contains("progress: Ann 0/4 · Bea 0/4 · Cy 0/4\n");

        refused("--strategy: busiest is not a strategy; choose one of stratified, disagreement, uncertain, fresh,",
                "queue", "create", "--name", "x", "--strategy", "busiest", "--workspace", w);
        refused("--overlap: The overlap (labellers per rollout) must be between 1 and 2",
                "queue", "create", "--name", "x", "--strategy", "fresh", "--labellers", "Ann,Bea", "--overlap", "3",
                "--workspace", w);
        refused("--run: The stratified strategy reads a judge run's scores",
                "queue", "create", "--name", "x", "--strategy", "stratified", "--workspace", w);
        refused("--run: There is no judge run 999", "queue", "create", "--name", "x", "--strategy", "disagreement",
                "--run", "999", "--workspace", w);
        refused("--run: Judge run " + run + " asked the judge once per rollout", "queue", "create", "--name", "x",
                "--strategy", "uncertain", "--run", Long.toString(run), "--workspace", w);
        refused("--name: A queue named bands already exists", "queue", "create", "--name", "bands", "--strategy",
                "fresh", "--workspace", w);
        refused("--count: The number of rollouts per labeller must be at least 1", "queue", "create", "--name", "x",
                "--strategy", "fresh", "--count", "0", "--workspace", w);
        refused("--checkpoint: Nothing to queue: no rollout carries a checkpoint", "queue", "create", "--name", "x",
                "--strategy", "checkpoint", "--workspace", w);
        refused("--bands: the fresh strategy has no score bands", "queue", "create", "--name", "x", "--strategy",
                "fresh", "--bands", "1-2", "--workspace", w);
        refused("--bands: The score bands are not readable: band 'a' is not a whole score", "queue", "create",
                "--name", "x", "--strategy", "stratified", "--run", Long.toString(run), "--bands", "a", "--workspace", w);
        refused("there is no queue named nope; the queues are: bands, fresh-1", "queue", "show", "nope",
                "--workspace", w);
    }

    @Test
    void aCheckpointQueueTakesEachCheckpointInTurnOrTheOneNamed() throws Exception {
        Path file = temp.resolve("checkpoints.jsonl");
        StringBuilder rollouts = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            rollouts.append(i == 0 ? "" : ",").append("{\"prediction\": [{\"text_excerpt\": \"The term\", \"comment\": \"c")
                    .append(i).append("\"}], \"metadata\": {\"checkpoint\": \"")
                    .append(i < 4 ? "step-32" : "step-64").append("\"}}");
        }
        rollouts.append(",{\"prediction\": [{\"text_excerpt\": \"The term\", \"comment\": \"none\"}]}");
        Files.writeString(file, "{\"id\": \"s1\", \"target_document\": \"The term of this agreement is one year.\","
                + " \"rollouts\": [" + rollouts + "]}\n");
        String w = temp.resolve("ws").toString();
        ok("import", file.toString(), "--workspace", w);

        ok("queue", "create", "--name", "each", "--strategy", "checkpoint", "--count", "4", "--labellers", "Ann",
                "--seed", "3", "--workspace", w);
        ok("queue", "create", "--name", "late", "--strategy", "checkpoint", "--checkpoint", "step-64", "--count", "4",
                "--labellers", "Ann", "--workspace", w);
        JsonNode each = ok("queue", "show", "each", "--workspace", w, "--json");
        List<Integer> numbers = new ArrayList<>();
        each.get("items").get("Ann").forEach(i -> numbers.add(i.get("rollout").asInt()));
        assertThat(numbers).hasSize(4);
        assertThat(numbers.stream().filter(n -> n <= 4).count()).isEqualTo(2); // two of step-32, two of step-64
        List<Integer> late = new ArrayList<>();
        ok("queue", "show", "late", "--workspace", w, "--json").get("items").get("Ann")
                .forEach(i -> late.add(i.get("rollout").asInt()));
        assertThat(late).containsExactlyInAnyOrder(5, 6);
        refused("--checkpoint: Nothing to queue: no rollout has checkpoint step-99", "queue", "create", "--name", "x",
                "--strategy", "checkpoint", "--checkpoint", "step-99", "--labellers", "Ann", "--workspace", w);
    }
}
