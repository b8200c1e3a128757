package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for --json (docs/cli.md): a command that answers once prints one indented JSON
 * document; a command that answers once per input file (labels import) prints JSON Lines, one
 * compact object per line.
 */
class JsonOutputStyleTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // one document, nothing after it

    @TempDir
    Path tmp;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }

    @Test
    void singleAnswersAreOneIndentedDocumentAndPerFileAnswersAreJsonLines() throws Exception {
        String ws = tmp.resolve("w").toString();
        String contract = "samples/contract-review/contracts/cuad-01-agape-supply-agreement.txt";
        List<String> documents = List.of(
                run("import", "samples/contract-review/contract-review.jsonl", "--workspace", ws, "--json"),
                run("stats", "--workspace", ws, "--json"),
                run("judge", "--workspace", ws, "--rubric", "rubrics/contract-review.yaml", "--provider", "heuristic",
                        "--json"),
                run("runs", "--workspace", ws, "--json"),
                run("estimate", "--workspace", ws, "--rubric", "rubrics/contract-review.yaml", "--json"),
                run("run", "show", "1", "--workspace", ws, "--json"),
                run("locate", "--target", contract, "--excerpt", "the term of this agreement", "--json"),
                run("agreement", "samples/agreement/judge-vs-human.csv", "--scale", "1..5", "--bootstrap", "200",
                        "--json"),
                run("reward", "check", "--rubric", "rubrics/contract-review.yaml", "--json", "--prediction",
                        "samples/contract-review/predictions/DEMO-prediction-cr-01.json", "--target", contract));
        for (String document : documents) {
            JsonNode parsed = JSON.readTree(document);
            assertThat(parsed.isContainerNode()).as(document).isTrue();
            assertThat(document.strip()).as("indented: " + document).contains(System.lineSeparator() + "  ");
        }

        String lines = run("labels", "import", "samples/labels/DEMO-labels-demo-expert-1.jsonl",
                "samples/labels/DEMO-labels-demo-expert-2.jsonl", "--rubric", "rubrics/contract-review.yaml",
                "--workspace", ws, "--json");
        List<String> packs = lines.strip().lines().toList();
        assertThat(packs).hasSize(2);
        for (String line : packs) {
            assertThat(JSON.readTree(line).isObject()).as(line).isTrue();
        }

        for (String document : List.of(
                run("calibrate", "--rubric", "rubrics/contract-review.yaml", "--run", "1", "--resamples", "100",
                        "--workspace", ws, "--json"),
                run("budget", "--rubric", "rubrics/contract-review.yaml", "--model",
                        "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "--workspace", ws, "--json"))) {
            assertThat(JSON.readTree(document).isObject()).as(document).isTrue();
            assertThat(document.strip()).as("indented: " + document).contains(System.lineSeparator() + "  ");
        }
    }
}
