package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.store.ExpertIssue;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import dev.juror.workspace.ExpertIssues;
import dev.juror.workspace.WorkspaceLookups;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missed issues: coverage per rollout, the calibration report's recall section, training data's reference answer. */
class MissedIssuesCliTest {

    private static final String SAMPLE = "cr-01-agape-odm-supply";

    @TempDir
    Path temp;

    static CalibrateCommandTest.Run juror(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
        return new CalibrateCommandTest.Run(exit, out.toString(), err.toString());
    }

    /**
     * Two issues on the first sample: the passage rollout 0's first comment quotes (so rollout 0 raises
     * it) and the contract's first line (which no comment quotes).
     */
    private Path workspaceWithIssues() throws Exception {
        Path dir = temp.resolve("ws");
        CalibrationWorkspace.importSamples(dir);
        try (Workspace ws = Workspace.open(dir)) {
            WorkspaceLookups lookups = new WorkspaceLookups(ws);
            String target = lookups.documentsOf(lookups.sample(SAMPLE).orElseThrow()).target();
            StoredRollout first = lookups.rolloutsOf(SAMPLE).get(0);
            String quoted = first.comments().get(0).textExcerpt().strip();
            int at = target.indexOf(quoted);
            assertThat(at).as("the first comment quotes the contract verbatim").isNotNegative();
            ExpertIssues issues = new ExpertIssues(ws);
            issues.record(ExpertIssue.of(SAMPLE, "ann", at, at + quoted.length(), quoted, "Raise this clause.",
                    "termination", "high"));
            issues.record(ExpertIssue.of(SAMPLE, "ann", 0, 20, target.substring(0, 20), "Name the parties.",
                    "other", "low"));
            Map<Long, ExpertIssues.Coverage> coverage = issues.coverageOfAll();
            ExpertIssues.Coverage c = coverage.get(first.id());
            assertThat(c.coveredBy().get(0)).contains(first.comments().get(0).commentId());
            assertThat(c.coveredBy().get(1)).isEmpty();
            assertThat(c.recall()).isEqualTo(0.5);
            assertThat(coverage).hasSize(lookups.rolloutsOf(SAMPLE).size());
        }
        return dir;
    }

    @Test
    void calibrateSetsTheJudgesScoresAgainstTheRecallOfMissedIssues() throws Exception {
        Path dir = workspaceWithIssues();
        long run = CalibrationWorkspace.heuristicRun(dir, 1);
        CalibrateCommandTest.Run r = juror("calibrate", "--rubric", CalibrationWorkspace.RUBRIC.toString(), "--run",
                "run-" + run, "--resamples", "50", "--json", "--workspace", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode missed = doc.get("missed_issues");
        assertThat(missed).hasSize(1);
        JsonNode report = missed.get(0);
        assertThat(report.get("run").asText()).isEqualTo("run-" + run);
        assertThat(report.get("rollouts").asInt()).isPositive();
        double mean = report.get("mean_recall").asDouble();
        assertThat(mean).isBetween(0.0, 1.0);
        for (JsonNode flagged : report.get("rewarded_with_low_recall")) {
            assertThat(flagged.get("recall").asDouble()).isLessThan(0.5);
            assertThat(flagged.get("judge_score").asDouble()).isGreaterThanOrEqualTo(0.75);
        }
        assertThat(doc.get("notes").toString()).contains("against the issues experts recorded as missed");
    }

    @Test
    void trainingDataCanCarryTheExpertIssuesAsTheReferenceAnswer() throws Exception {
        Path dir = workspaceWithIssues();
        Path out = temp.resolve("train.jsonl");
        CalibrateCommandTest.Run r = juror("export", "training-data", "--out", out.toString(), "--reference-answer",
                "expert-issues", "--workspace", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(out);
        JsonNode withIssues = null;
        for (String line : lines) {
            if (line.contains("Name the parties.")) {
                withIssues = json.readTree(line);
            }
        }
        assertThat(withIssues).as("the sample with issues").isNotNull();
        JsonNode answer = json.readTree(withIssues.get("reference_answer").asText().isEmpty()
                ? withIssues.get("reference_answer").toString() : withIssues.get("reference_answer").asText());
        assertThat(answer.get("comments")).hasSize(2);
        assertThat(answer.at("/comments/0/comment_type").asText()).isEqualTo("termination");
        assertThat(answer.at("/comments/1/severity").asText()).isEqualTo("low");

        CalibrateCommandTest.Run plain = juror("export", "training-data", "--out", temp.resolve("p.jsonl").toString(),
                "--workspace", dir.toString());
        assertThat(plain.exit()).isZero();
        assertThat(Files.readString(temp.resolve("p.jsonl"))).doesNotContain("Name the parties.");

        CalibrateCommandTest.Run bad = juror("export", "training-data", "--out", out.toString(), "--reference-answer",
                "experts", "--workspace", dir.toString());
        assertThat(bad.exit()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(bad.err()).contains("--reference-answer experts: choose samples or expert-issues");
    }
}
