package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.LabelRepository;
import dev.juror.store.NewLabel;
import dev.juror.store.RolloutRepository;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * label -> calibrate -> verdict -> regress from the command line, on the shipped samples with the
 * DEMONSTRATION label packs and a heuristic judge run with two repeats.
 */
class CalibrateCommandTest {

    @TempDir
    static Path shared;
    static Path ws;
    static long run;

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    static Run juror(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void labelAndJudge() throws Exception {
        ws = shared.resolve("ws");
        CalibrationWorkspace.importSamples(ws);
        Run imported = juror("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                CalibrationWorkspace.PACK_1.toString(),
                CalibrationWorkspace.PACK_2.toString(), "--imported-by", "ci", "--workspace", ws.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("474 labels read, 474 imported").contains("411 labels read, 411 imported");
        run = CalibrationWorkspace.heuristicRun(ws, 2);
    }

    @Test
    void calibrateJsonHasEveryViewWithIntervals() throws Exception {
        Run r = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", "run-" + run,
                "--resamples", "200", "--json", "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode cal = doc.get("calibration");
        assertThat(cal.get("humans")).hasSize(2);
        assertThat(cal.get("dimensions")).hasSize(3);
        JsonNode grounding = cal.get("dimensions").get(0);
        assertThat(grounding.get("dimension").asText()).isEqualTo("TargetDocument_Grounding");
        assertThat(grounding.at("/human_ceiling/doubly_covered_items").asInt()).isGreaterThan(100);
        JsonNode qwk = grounding.at("/judges/0/vs_humans/statistics/kappa_quadratic");
        assertThat(qwk.get("value").isNumber()).isTrue();
        assertThat(qwk.at("/ci/low").asDouble()).isLessThanOrEqualTo(qwk.get("value").asDouble());
        assertThat(grounding.at("/judges/0/leave_one_annotator_out/per_annotator")).hasSize(2);
        assertThat(grounding.at("/judges/0/repeat_consistency/repeats").asInt()).isEqualTo(2);
        assertThat(cal.at("/runs/0/disagreements").size()).isPositive();
        assertThat(cal.get("cross_judge")).hasSize(3);
        assertThat(doc.at("/model_comparison/run-" + run).size()).isEqualTo(3);
        assertThat(doc.at("/model_comparison/run-" + run + "/0/model").asText()).isEqualTo("demo-policy-a");
        // every label that counts came from one of the two packs (ReportJson's naming of record components)
        JsonNode sources = doc.get("label_sources");
        assertThat(sources).hasSize(2);
        int counted = 0;
        for (JsonNode source : sources) {
            assertThat(source.toString()).contains("imported from pack ").contains(" by ci on ");
            counted += source.get("labels").asInt();
        }
        assertThat(counted).isEqualTo(cal.get("human_labels").asInt());
    }

    @Test
    void verdictIsNotValidatedAndSaysWhyThenStoresIt() throws Exception {
        Path html = Path.of(System.getProperty("juror.reportOut", temp.resolve("verdict.html").toString()));
        Run r = juror("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", Long.toString(run),
                "--resamples", "200", "--html", html.toString(), "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(VerdictCommand.NOT_VALIDATED);
        assertThat(r.out()).startsWith("NOT VALIDATED: contract-review version")
                .contains("FAIL regression_suite").contains("PASS TargetDocument_Grounding: min_items");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("Verdict: NOT VALIDATED").contains("<svg")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
        // where the labels came from: each pack by its hash, file and importer
        String pack1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(CalibrationWorkspace.PACK_1))).substring(0, 8);
        assertThat(page).contains("Where the human labels came from")
                .contains("imported from pack " + pack1 + " (DEMO-labels-demo-expert-1.jsonl) by ci on ");
        Run json = juror("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", "run-" + run,
                "--resamples", "200", "--json", "--workspace", ws.toString());
        JsonNode v = new ObjectMapper().readTree(json.out());
        assertThat(v.get("status").asText()).isEqualTo("NOT_VALIDATED");
        assertThat(v.get("judge_model").asText()).isEqualTo("heuristic-v1");
        assertThat(v.get("failed").findValuesAsText("name")).contains("regression_suite");
        try (Workspace opened = Workspace.open(ws)) {
            var stored = new dev.juror.store.CalibrationRepository(opened)
                    .latestVerdict(v.get("rubric_version").asText(), "heuristic-v1").orElseThrow();
            assertThat(stored.status()).isEqualTo("NOT_VALIDATED");
            assertThat(stored.conditionsJson()).contains("kappa_lower_bound");
        }
    }

    @Test
    void regressRunsTheShippedSuiteAndTheVerdictSeesIt() throws Exception {
        Run r = juror("regress", "--suite", "suites/contract-review.yaml", "--rubric",
                CalibrationWorkspace.RUBRIC.toString(), "--provider", "heuristic", "--workspace", ws.toString());
        // the rule-based baseline judge is fooled by the injections: the suite reports it
        assertThat(r.exit()).as(r.err()).isEqualTo(RegressCommand.SUITE_FAILED);
        assertThat(r.out()).startsWith("FAILED: suite contract-review-core").contains("pass known-good-agape")
                .contains("FAIL injection-direct-instruction");
        Run v = juror("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", Long.toString(run),
                "--resamples", "100", "--workspace", ws.toString());
        assertThat(v.out()).contains("FAIL regression_suite = ").contains("contract-review-core: 11 of 14 cases passed");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void badBootstrapOptionsAreUsageErrorsNamingTheOption() {
        for (String command : List.of("calibrate", "verdict")) {
            // 2e9 resamples would exhaust memory (issue #18 §6): refused before any work, like 0.
            for (String resamples : List.of("0", "2000000000")) {
                Run r = juror(command, "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", Long.toString(run),
                        "--resamples", resamples, "--workspace", ws.toString());
                assertThat(r.exit()).as(command).isEqualTo(CliRunner.BAD_INPUT);
                assertThat(r.err()).as(command).isEqualTo("juror: --resamples must be between 1 and 100,000 resamples"
                        + " (2,000 is plenty for a 95 % interval), got " + resamples + System.lineSeparator());
            }
        }
        Run k = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", Long.toString(run),
                "--k", "0", "--workspace", ws.toString());
        assertThat(k.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(k.err()).contains("--k must be at least 1, was 0");
    }

    @Test
    void htmlEscapesHostileNotesAndRationales() throws Exception {
        Path dir = temp.resolve("hostile");
        CalibrationWorkspace.importSamples(dir);
        try (Workspace opened = Workspace.open(dir)) {
            long r = new RolloutRepository(opened).find("cr-01-agape-odm-supply", 0).orElseThrow().id();
            new LabelRepository(opened).submit(List.of(new NewLabel("<img src=x onerror=alert(1)>", r, 0, "c1",
                    "TargetDocument_Grounding", "1", "</td><script>alert('x')</script>", 5, "v", true, false)));
        }
        long id = CalibrationWorkspace.heuristicRun(dir, 1);
        Path html = temp.resolve("h.html");
        Run c = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", Long.toString(id),
                "--resamples", "50", "--html", html.toString(), "--workspace", dir.toString());
        assertThat(c.exit()).as(c.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("&lt;/td&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void labelsExportImportFromTheCommandLine() throws Exception {
        Path pack = temp.resolve("e1.jsonl");
        Run export = juror("labels", "export", "--labeller", "demo-expert-1", "--out", pack.toString(),
                "--workspace", ws.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("Exported 474 labels of demo-expert-1");
        Path other = temp.resolve("other");
        CalibrationWorkspace.importSamples(other);
        Run first = juror("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                pack.toString(), "--json", "--workspace", other.toString());
        JsonNode j = new ObjectMapper().readTree(first.out());
        assertThat(j.get("imported").asInt()).isEqualTo(474);
        Run again = juror("labels", "import", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                pack.toString(), "--workspace", other.toString());
        assertThat(again.out()).contains("474 labels read, 0 imported, 474 already here, 0 not imported");
        Run unknown = juror("labels", "export", "--labeller", "nobody", "--out", pack.toString(), "--workspace", ws.toString());
        assertThat(unknown.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(unknown.err()).contains("no labels by 'nobody'").contains("demo-expert-1, demo-expert-2");
    }

    @Test
    void calibrateWithoutRunsShowsTheHumanCeilingAndBadInputIsOneLine() {
        Run r = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--resamples", "50",
                "--workspace", ws.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("human vs human   n=137").contains("0 judge run(s)");
        Run missing = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(),
                "--run", "run-999",
                "--workspace", ws.toString());
        assertThat(missing.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(missing.err().strip()).startsWith("juror: --run run-999: no such judge run").doesNotContain("\n");
        Run badSuite = juror("regress", "--suite", "rubrics/contract-review.yaml", "--rubric",
                CalibrationWorkspace.RUBRIC.toString(), "--provider", "heuristic", "--workspace", ws.toString());
        assertThat(badSuite.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(badSuite.err()).contains("objective: unknown key");
    }

    /*
     * Issue #18: calibrate and verdict used a run whose calls had failed as if it were complete. Now
     * such a run is refused with one sentence naming it and its counts, unless --allow-failed-results.
     */
    @Test
    void calibrateAndVerdictRefuseARunWithServiceFailuresUnlessAllowed() throws Exception {
        long failed = CalibrationWorkspace.heuristicRunWithServiceFailures(ws, 3);
        for (String command : List.of("calibrate", "verdict")) {
            Run refused = juror(command, "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + failed,
                    "--resamples", "50", "--workspace", ws.toString());
            assertThat(refused.exit()).as(command + ": " + refused.err()).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(refused.err().strip()).as(command)
                    .startsWith("juror: --run " + failed + ": run " + failed + " has 3 service failures (3 api_error)"
                            + " among its ")
                    .contains(" results, over its threshold of 0 (--max-failures 0)")
                    .contains("juror judge --resume " + failed + " --retry-failed")
                    .endsWith("(--allow-failed-results)").doesNotContain("\n");
        }
        Run allowed = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + failed,
                "--resamples", "50", "--allow-failed-results", "--workspace", ws.toString());
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("note: run-" + failed + ": 3 results the judge service did not answer");
        Run verdict = juror("verdict", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run", "run-" + failed,
                "--resamples", "50", "--allow-failed-results", "--workspace", ws.toString());
        assertThat(verdict.exit()).as(verdict.err()).isIn(CliRunner.OK, VerdictCommand.NOT_VALIDATED);
        assertThat(juror("verdict", "--help").out()).contains("--allow-failed-results");
    }
}
