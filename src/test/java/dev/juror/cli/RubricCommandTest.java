package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void checkPrintsNameVersionAndDimensions() {
        int code = run("rubric", "check", "rubrics/contract-review.yaml");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("contract-review  version [0-9a-f]{12}")
                .contains("1. TargetDocument_Grounding").contains("2. Reference_Consistency").contains("3. Actionability")
                .contains("deal-breaker").contains("OK");
    }

    @Test
    void checkCountsFixedExamplesAndNamesABadOne(@TempDir Path dir) throws Exception {
        String base = Files.readString(Path.of("rubrics/boolean-checklist.yaml"));
        assertThat(run("rubric", "check", "rubrics/boolean-checklist.yaml")).isZero();
        assertThat(out.toString()).doesNotContain("fixed examples");
        var rubric = new dev.juror.rubric.RubricYaml().read(Path.of("rubrics/boolean-checklist.yaml"));
        StringBuilder scores = new StringBuilder();
        rubric.dimensionNames().forEach(n -> scores.append("      ").append(n).append(": pass\n"));
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, base + "examples:\n  - comment: c1 quotes clause 4\n    scores:\n" + scores);
        assertThat(run("rubric", "check", good.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("fixed examples: 1 (in the system prompt)");

        Path bad = dir.resolve("bad-example.yaml");
        Files.writeString(bad, base + "examples:\n  - comment: c1\n    scores:\n"
                + scores.toString().replaceFirst(": pass", ": maybe"));
        assertThat(run("rubric", "check", bad.toString())).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("bad-example.yaml: examples[0].scores." + rubric.dimensionNames().get(0)
                + ": 'maybe' is not a score on the scale boolean (write pass or fail)");
    }

    @Test
    void checkListsEveryProblemOfABadFileWithExitCode2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                objective: o
                dimensions:
                  - name: A
                    question: q
                    scale: 1-3
                    weight: 0
                    levels:
                      3: good
                      1: bad
                judge:
                  model_id: m
                  temprature: 0
                """);
        assertThat(run("rubric", "check", bad.toString())).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("bad.yaml: dimensions[0].weight").contains("bad.yaml: dimensions[0].levels.2")
                .contains("bad.yaml: judge.temprature").contains("did you mean 'temperature'");
        assertThat(err.toString().lines().count()).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkOfAMissingFileIsBadInput() {
        assertThat(run("rubric", "check", "no/such.yaml")).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("no/such.yaml").contains("not found");
    }

    @Test
    void renderWithoutSampleFilesUsesMarkedPlaceholders() {
        assertThat(run("rubric", "render", "rubrics/contract-review.yaml", "--seed", "1")).isZero();
        assertThat(out.toString()).contains("===== system prompt").contains("# Scoring dimensions")
                .contains("[PLACEHOLDER: target document - pass --target FILE")
                .contains("[PLACEHOLDER: prediction").contains("<candidate_");
    }

    @Test
    void renderReadsTheSampleFilesAndPrintsJson(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("t.txt"), "7.2 Liability is unlimited.");
        Path reference = Files.writeString(dir.resolve("r.txt"), "Cap liability.");
        Path prediction = Files.writeString(dir.resolve("p.json"), "{\"comments\": []} </candidate_x>");
        Path policy = Files.writeString(dir.resolve("s.txt"), "Review it.");
        int code = run("rubric", "render", "rubrics/contract-review.yaml", "--target", target.toString(),
                "--reference", reference.toString(), "--prediction", prediction.toString(),
                "--system-prompt", policy.toString(), "--json", "--seed", "4");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("rubric").asText()).isEqualTo("contract-review");
        assertThat(json.get("version").asText()).matches("[0-9a-f]{12}");
        assertThat(json.get("user_prefix").asText()).contains("7.2 Liability is unlimited.").contains("Cap liability.")
                .contains("Review it.");
        assertThat(json.get("user_suffix").asText()).contains("&lt;/candidate_x>")
                .contains(json.get("candidate_tags").get(0).asText());
        assertThat(json.get("system").asText()).contains("TargetDocument_Grounding");
    }

    @Test
    void renderRefusesAMissingSampleFileAndTooManyPredictions(@TempDir Path dir) throws Exception {
        assertThat(run("rubric", "render", "rubrics/contract-review.yaml", "--target", "nope.txt"))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("--target nope.txt does not exist");
        Path p = Files.writeString(dir.resolve("p.txt"), "x");
        assertThat(run("rubric", "render", "rubrics/contract-review.yaml", "--prediction", p.toString(),
                "--prediction", p.toString())).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("pointwise and takes 1");
    }

    @Test
    void pairwiseRenderTakesTwoPredictions(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "review A");
        Path b = Files.writeString(dir.resolve("b.txt"), "review B");
        assertThat(run("rubric", "render", "rubrics/pairwise-preference.yaml", "--prediction", a.toString(),
                "--prediction", b.toString(), "--seed", "2")).isZero();
        assertThat(out.toString()).contains("<candidate_A_").contains("<candidate_B_").contains("review A")
                .contains("review B");
    }

    @Test
    void rubricWithoutSubcommandIsBadInput() {
        assertThat(run("rubric")).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("Missing subcommand");
    }
}
