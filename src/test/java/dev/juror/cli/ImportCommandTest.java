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

/** {@code juror import} on the shipped samples: counts, whole-file refusal, skip-invalid, idempotency. */
class ImportCommandTest {

    private static final Path SAMPLES = Path.of("samples/contract-review");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int juror(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private JsonNode stats(Path workspace) throws Exception {
        assertThat(juror("stats", "--workspace", workspace.toString(), "--json")).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void importsTheShippedSamplesAndReportsTheirCounts() throws Exception {
        Path ws = temp.resolve("ws");

        int exit = juror("import", SAMPLES.resolve("contract-review.jsonl").toString(), "--workspace", ws.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("9 samples, 50 rollouts");
        JsonNode stats = stats(ws);
        assertThat(stats.get("samples").asInt()).isEqualTo(9);
        assertThat(stats.get("rollouts").asInt()).isEqualTo(50);
        // 9 contracts + 9 references + 1 shared system prompt: documents are stored once by hash.
        assertThat(stats.get("documents").asInt()).isLessThan(9 * 3 + 1);
    }

    @Test
    void aBrokenFileIsRefusedWholeAndLeavesTheWorkspaceUnchanged() throws Exception {
        Path ws = temp.resolve("ws");
        assertThat(juror("import", SAMPLES.resolve("contract-review.jsonl").toString(), "--workspace", ws.toString()))
                .isZero();
        JsonNode before = stats(ws);

        int exit = juror("import", SAMPLES.resolve("broken.jsonl").toString(), "--workspace", ws.toString());

        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("nothing was imported").contains("line 2:").contains("line 8:");
        JsonNode after = stats(ws);
        for (String key : new String[] {"samples", "rollouts", "comments", "documents", "document_bytes"}) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
    }

    @Test
    void skipInvalidImportsTheGoodLinesAndWritesAReport() throws Exception {
        Path ws = temp.resolve("ws");
        Path report = temp.resolve("skipped.txt");

        int exit = juror("import", SAMPLES.resolve("broken.jsonl").toString(), "--workspace", ws.toString(),
                "--skip-invalid", "--report", report.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode result = JSON.readTree(out.toString());
        assertThat(result.get("status").asText()).isEqualTo("imported_skipping_invalid");
        assertThat(result.get("samples_added").asInt()).isEqualTo(1);
        assertThat(result.get("error_count").asInt()).isEqualTo(7);
        assertThat(Files.readString(report)).contains("line 5").contains("line 8");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        Path ws = temp.resolve("ws");
        String file = SAMPLES.resolve("contract-review.jsonl").toString();
        assertThat(juror("import", file, "--workspace", ws.toString())).isZero();
        JsonNode first = stats(ws);

        assertThat(juror("import", file, "--workspace", ws.toString(), "--json")).isZero();
        JsonNode result = JSON.readTree(out.toString());

        assertThat(result.get("samples_added").asInt()).isZero();
        assertThat(result.get("samples_unchanged").asInt()).isEqualTo(9);
        assertThat(stats(ws).get("rollouts")).isEqualTo(first.get("rollouts"));
    }

    @Test
    void aMissingFileIsAOneLineError() {
        int exit = juror("import", temp.resolve("nope.jsonl").toString(), "--workspace", temp.resolve("ws").toString());

        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString().strip()).contains("nope.jsonl").doesNotContain("\n").doesNotContain("Exception");
    }
}
