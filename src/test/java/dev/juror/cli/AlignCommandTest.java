package dev.juror.cli;

import static dev.juror.cli.JudgeCliFixture.juror;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.testserver.ConverseTestServer;
import dev.juror.judge.testserver.RecordedRequest;
import dev.juror.judge.testserver.Reply;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.RubricYaml;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code juror align} against a scripted OpenAI-compatible judge whose scores depend on the prompt:
 * with the rule {@value #HELPFUL} in the system prompt it scores as the experts do, without it half of
 * its scores are wrong. The optimiser must choose the typed edit that adds the rule, never send a test
 * sample while candidates are judged, judge the test split once, and report what calibrate computes.
 */
class AlignCommandTest {

    static final String HELPFUL = "HELPFUL-RULE";
    static final int SAMPLES = 24;
    private static final Pattern SAMPLE = Pattern.compile("SAMPLE=(s\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void choosesTheHelpfulEditOnValidationAndMeasuresItOnceOnTest() throws Exception {
        Path ws = temp.resolve("ws");
        Path base = temp.resolve("whole-review.yaml");
        Files.writeString(base, JudgeCliFixture.RESPONSE_RUBRIC);
        Path helpful = edit("helpful.yaml", "edge_cases:\n  - \"" + HELPFUL + ": a review with a redline is excellent\"\n");
        Path useless = edit("useless.yaml", "edge_cases:\n  - \"Be fair.\"\n");
        Path broken = temp.resolve("broken.yaml");
        Files.writeString(broken, JudgeCliFixture.RESPONSE_RUBRIC.replace("name: Usefulness", "name: Helpfulness"));
        importAndLabel(ws, base);
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.respondWith(AlignCommandTest::scripted);
            String url = server.endpoint().toString();
            JudgeCliFixture.Run judged = juror("judge", "--workspace", ws.toString(), "--rubric", base.toString(),
                    "--provider", "openai", "--model", "m", "--base-url", url, "--json");
            assertThat(judged.exit()).as(judged.err()).isZero();

            // A cap the round would exceed is refused before any call.
            int before = server.receivedCount();
            JudgeCliFixture.Run capped = align(ws, base, url, "--max-calls", "5");
            assertThat(capped.exit()).as(capped.out()).isEqualTo(2);
            assertThat(capped.err()).contains("over the cap of 5 (--max-calls)").contains("nothing was sent");
            assertThat(server.receivedCount()).isEqualTo(before);

            // An edit that does not help: the baseline stays, the test split is not touched.
            JudgeCliFixture.Run kept = juror("align", "--workspace", ws.toString(), "--rubric", base.toString(),
                    "--provider", "openai", "--model", "m", "--base-url", url, "--resamples", "200", "--edit",
                    temp.resolve("useless.yaml").toString(), "--no-few-shot", "--no-proposals");
            assertThat(kept.exit()).as(kept.err()).isZero();
            assertThat(kept.out()).contains("no candidate beat the baseline on validation; no new version");
            JsonNode first = JSON.readTree(ws.resolve("alignment/001-whole-review/experiment.json").toFile());
            assertThat(first.get("chosen").asText()).isEmpty();
            assertThat(first.get("test_uses").asInt()).isZero();
            Set<String> firstTest = strings(first.at("/split/test"));
            assertThat(server.requests().subList(before, server.receivedCount()).stream()
                    .map(AlignCommandTest::sampleOf)).hasSize(2 * strings(first.at("/split/validation")).size())
                    .doesNotContainAnyElementsOf(firstTest);
            before = server.receivedCount();

            JudgeCliFixture.Run aligned = align(ws, base, url);
            assertThat(aligned.exit()).as(aligned.err()).isZero();
            assertThat(aligned.out()).contains("chosen typed-1");
            JsonNode exp = JSON.readTree(ws.resolve("alignment/002-whole-review/experiment.json").toFile());
            assertThat(exp.get("chosen").asText()).isEqualTo("typed-1");
            assertThat(rejection(exp, "typed-3")).contains("breaks the output schema").contains("Helpfulness");
            Set<String> test = strings(exp.at("/split/test"));
            Set<String> validation = strings(exp.at("/split/validation"));
            List<RecordedRequest> round = server.requests().subList(before, server.receivedCount());
            int testCalls = 2 * test.size();
            List<RecordedRequest> candidatePhase = round.subList(0, round.size() - testCalls);
            List<RecordedRequest> testPhase = round.subList(round.size() - testCalls, round.size());
            assertThat(candidatePhase).hasSize(2 * 2 * validation.size()); // two judged candidates
            assertThat(candidatePhase).allSatisfy(r -> assertThat(validation).contains(sampleOf(r)));
            assertThat(candidatePhase.stream().map(AlignCommandTest::sampleOf)).doesNotContainAnyElementsOf(test);
            assertThat(testPhase).allSatisfy(r -> {
                assertThat(test).contains(sampleOf(r));
                assertThat(system(r)).contains(HELPFUL);
            });
            assertThat(testPhase.stream().map(AlignCommandTest::user).distinct()).hasSize(testCalls);
            assertThat(exp.get("test_uses").asInt()).isEqualTo(1);
            assertThat(test).isEqualTo(firstTest); // the stored split, not a new one
            assertThat(exp.get("calls").asLong()).isEqualTo(round.size());

            // The report's numbers are calibrate's for the new version on the test run.
            Path newRubric = ws.resolve(exp.get("rubric_file").asText());
            assertThat(CanonicalForm.version(new RubricYaml().read(newRubric))).isEqualTo(exp.get("new_version").asText());
            assertThat(Files.readString(base)).isEqualTo(JudgeCliFixture.RESPONSE_RUBRIC);
            JudgeCliFixture.Run cal = juror("calibrate", "--rubric", newRubric.toString(), "--run",
                    exp.get("test_run").asText(), "--resamples", "200", "--json", "--workspace", ws.toString());
            assertThat(cal.exit()).as(cal.err()).isZero();
            JsonNode dims = JSON.readTree(cal.out()).at("/calibration/dimensions");
            for (int i = 0; i < dims.size(); i++) {
                JsonNode qwk = dims.get(i).at("/judges/0/vs_humans/statistics/kappa_quadratic");
                JsonNode reported = exp.get("test").get(i);
                assertThat(reported.get("dimension").asText()).isEqualTo(dims.get(i).get("dimension").asText());
                assertThat(reported.get("kappa").asDouble()).isEqualTo(qwk.get("value").asDouble());
                assertThat(reported.get("kappa_low").asDouble()).isEqualTo(qwk.at("/ci/low").asDouble());
                assertThat(reported.get("kappa").asDouble()).isGreaterThan(0.9);
                assertThat(reported.get("difference").asDouble()).isPositive();
            }
            assertThat(Files.readString(ws.resolve("alignment/002-whole-review/whole-review.diff")))
                    .contains("+ edge_cases:");
            String report = Files.readString(ws.resolve("alignment/002-whole-review/report.md"));
            assertThat(report).contains("typed-1 on the test split").contains("human ceiling")
                    .contains("rejected: breaks the output schema");

            // A second round may not judge the same test split again unless asked to.
            int afterRound = server.receivedCount();
            JudgeCliFixture.Run again = align(ws, base, url);
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err()).contains("--reuse-test-split").contains("1 earlier round");
            assertThat(server.receivedCount()).isEqualTo(afterRound);

            // With the few-shot and proposed-edit sources on: a cap the round would exceed is refused before
            // the proposal calls; then the round runs, and still no test item is sent while candidates are judged.
            int beforeSources = server.receivedCount();
            JudgeCliFixture.Run cappedSources = juror("align", "--workspace", ws.toString(), "--rubric",
                    base.toString(), "--provider", "openai", "--model", "m", "--base-url", url, "--resamples", "200",
                    "--reuse-test-split", "--max-calls", "5");
            assertThat(cappedSources.exit()).as(cappedSources.out()).isEqualTo(2);
            assertThat(cappedSources.err()).contains("(--max-calls)").contains("nothing was sent");
            assertThat(server.receivedCount()).isEqualTo(beforeSources);
            JudgeCliFixture.Run withSources = juror("align", "--workspace", ws.toString(), "--rubric",
                    base.toString(), "--provider", "openai", "--model", "m", "--base-url", url, "--resamples", "200",
                    "--reuse-test-split");
            assertThat(withSources.exit()).as(withSources.err()).isZero();
            JsonNode third = JSON.readTree(ws.resolve("alignment/003-whole-review/experiment.json").toFile());
            List<String> origins = new ArrayList<>();
            third.get("candidates").forEach(c -> origins.add(c.get("origin").asText()));
            assertThat(origins).contains("few-shot");
            assertThat(third.toString()).contains("proposed");
            List<RecordedRequest> sourcesRound = server.requests().subList(beforeSources, server.receivedCount());
            int sourcesTestCalls = third.get("chosen").asText().isEmpty() ? 0 : 2 * test.size();
            assertThat(sourcesRound.subList(0, sourcesRound.size() - sourcesTestCalls).stream()
                    .map(AlignCommandTest::sampleOf)).doesNotContainAnyElementsOf(test);

            JudgeCliFixture.Run list = juror("align", "list", "--workspace", ws.toString());
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("whole-review").contains("typed-1");
        }
    }

    /** The panel's Check cost: no request, no split stored, the calls the round then makes, the caps' refusal. */
    @Test
    void theEstimateSendsNothingStoresNothingAndPlansTheCallsTheRoundMakes() throws Exception {
        Path ws = temp.resolve("ws");
        Path base = temp.resolve("whole-review.yaml");
        Files.writeString(base, JudgeCliFixture.RESPONSE_RUBRIC);
        edit("helpful.yaml", "edge_cases:\n  - \"" + HELPFUL + ": a review with a redline is excellent\"\n");
        edit("useless.yaml", "edge_cases:\n  - \"Be fair.\"\n");
        Files.writeString(temp.resolve("broken.yaml"),
                JudgeCliFixture.RESPONSE_RUBRIC.replace("name: Usefulness", "name: Helpfulness"));
        importAndLabel(ws, base);
        try (ConverseTestServer server = ConverseTestServer.start()) {
            server.respondWith(AlignCommandTest::scripted);
            String url = server.endpoint().toString();
            assertThat(juror("judge", "--workspace", ws.toString(), "--rubric", base.toString(), "--provider", "openai",
                    "--model", "m", "--base-url", url).exit()).isZero();
            int before = server.receivedCount();
            dev.juror.workspace.align.AlignExperiment.Estimate estimate;
            dev.juror.workspace.align.AlignExperiment.Estimate capped;
            try (Workspace opened = Workspace.open(ws)) {
                var experiment = new dev.juror.workspace.align.AlignExperiment(opened, java.time.Clock.systemUTC());
                estimate = experiment.estimate(request(base, url, 1000));
                capped = experiment.estimate(request(base, url, 5));
            }
            assertThat(server.receivedCount()).isEqualTo(before);
            assertThat(ws.resolve("alignment")).doesNotExist();
            assertThat(estimate.candidates()).as("helpful and useless; broken is rejected").isEqualTo(2);
            assertThat(estimate.refusal()).isEmpty();
            assertThat(capped.refusal()).contains("over the cap of 5").contains("nothing was sent");

            JudgeCliFixture.Run aligned = align(ws, base, url);
            assertThat(aligned.exit()).as(aligned.err()).isZero();
            JsonNode exp = JSON.readTree(ws.resolve("alignment/001-whole-review/experiment.json").toFile());
            assertThat(exp.get("chosen").asText()).isEqualTo("typed-1");
            assertThat(exp.get("calls").asLong()).isEqualTo(estimate.calls());
            assertThat(server.receivedCount() - before).isEqualTo(estimate.calls());
        }
    }

    private dev.juror.workspace.align.AlignRequest request(Path base, String url, long maxCalls) throws Exception {
        List<dev.juror.align.TypedEdits.Edit> typed = new ArrayList<>();
        for (String name : List.of("helpful.yaml", "useless.yaml", "broken.yaml")) {
            typed.add(new dev.juror.align.TypedEdits.Edit(name, Files.readString(temp.resolve(name))));
        }
        return new dev.juror.workspace.align.AlignRequest(Files.readString(base), base.toString(), "openai", "m",
                new dev.juror.judge.run.JudgeSettings(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.of(url), java.util.Optional.empty(),
                        java.util.Optional.empty(), false), java.util.OptionalLong.empty(), 1,
                dev.juror.workspace.align.AlignSources.of(false, false, typed), java.util.Optional.empty(),
                dev.juror.workspace.align.AlignRequest.budget(maxCalls, java.util.OptionalDouble.empty()), false,
                dev.juror.calibration.stats.BootstrapConfig.defaults(1).withResamples(200));
    }

    private JudgeCliFixture.Run align(Path ws, Path base, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("align", "--workspace", ws.toString(), "--rubric", base.toString(),
                "--provider", "openai", "--model", "m", "--base-url", url, "--resamples", "200",
                "--edit", temp.resolve("helpful.yaml").toString(), "--edit", temp.resolve("useless.yaml").toString(),
                "--edit", temp.resolve("broken.yaml").toString(), "--no-few-shot", "--no-proposals"));
        args.addAll(List.of(more));
        return juror(args.toArray(String[]::new));
    }

    private Path edit(String name, String addition) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, JudgeCliFixture.RESPONSE_RUBRIC + addition);
        return file;
    }

    /** 24 samples of two rollouts each; odd rollouts are good reviews (with a redline). */
    private static void importAndLabel(Path ws, Path rubric) throws Exception {
        Path file = ws.getParent().resolve("samples.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int s = 0; s < SAMPLES; s++) {
            String id = String.format("s%02d", s);
            lines.append(JSON.writeValueAsString(java.util.Map.of("id", id, "target_document",
                    "Contract " + id + ". The supplier may terminate at will.", "rollouts",
                    List.of(review(id, 0, s % 3 == 0), review(id, 1, s % 3 != 2))))).append('\n');
        }
        Files.writeString(file, lines.toString());
        JudgeCliFixture.Run imported = juror("import", file.toString(), "--workspace", ws.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        String version = CanonicalForm.version(new RubricYaml().read(rubric));
        try (Workspace opened = Workspace.open(ws)) {
            RolloutRepository rollouts = new RolloutRepository(opened);
            List<NewLabel> labels = new ArrayList<>();
            for (int s = 0; s < SAMPLES; s++) {
                for (StoredRollout r : rollouts.ofSample(String.format("s%02d", s))) {
                    int truth = truth(r.prediction());
                    for (String who : List.of("alice", "bob")) {
                        int score = who.equals("bob") && s % 5 == 0 ? Math.max(1, truth - 1) : truth;
                        for (String dim : List.of("Grounding", "Usefulness")) {
                            labels.add(new NewLabel(who, r.id(), -1, "response", dim, Integer.toString(score), "note "
                                    + who, 5, version, true, false));
                        }
                    }
                }
            }
            new LabelRepository(opened).submit(labels);
        }
    }

    private static String review(String sample, int index, boolean good) {
        return "SAMPLE=" + sample + " ROLLOUT=" + index + (good ? " GOOD-REVIEW with a redline" : " a vague review");
    }

    private static int truth(String text) {
        return text.contains("GOOD-REVIEW") ? 5 : 2;
    }

    /** With the helpful rule: the experts' score; without it: wrong on every other sample. */
    private static Reply scripted(RecordedRequest request) {
        String user = user(request);
        int truth = truth(user);
        Matcher m = SAMPLE.matcher(user);
        int sample = m.find() ? Integer.parseInt(m.group(1).substring(1)) : 0;
        int score = system(request).contains(HELPFUL) || sample % 2 == 0 ? truth : 7 - truth;
        return Reply.text("{\"comments\": [{\"comment_id\": \"response\", \"Grounding\": {\"score\": " + score
                + ", \"justification\": \"j\"}, \"Usefulness\": {\"score\": " + score + ", \"justification\": \"j\"},"
                + " \"Comment_Score\": " + score + "}], \"Aggregate_Score\": {\"score\": " + score
                + ", \"total_comments\": 1, \"rationale\": \"r\"}}");
    }

    private static String system(RecordedRequest r) {
        return r.body().at("/messages/0/content").asText();
    }

    private static String user(RecordedRequest r) {
        return r.body().at("/messages/1/content").asText();
    }

    private static String sampleOf(RecordedRequest r) {
        Matcher m = SAMPLE.matcher(user(r));
        return m.find() ? m.group(1) : "";
    }

    private static String rejection(JsonNode exp, String id) {
        for (JsonNode c : exp.get("candidates")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("rejection").asText();
            }
        }
        return "";
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
