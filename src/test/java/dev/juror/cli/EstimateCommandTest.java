package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.export.BudgetWorkspaces;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** juror estimate: calls, tokens per call, on-demand and batch cost, the batch minimum. */
class EstimateCommandTest {

    private static final String RUBRIC = BudgetWorkspaces.RUBRIC;

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path workspace() throws Exception {
        Path ws = dir.resolve("ws");
        try (Workspace w = BudgetWorkspaces.withSamples(ws)) {
            return ws;
        }
    }

    @Test
    void printsBothCostsSideBySideAndTheBatchMinimum() throws Exception {
        Path ws = workspace();
        int exit = run("estimate", "--rubric", RUBRIC, "--workspace", ws.toString(), "--samples",
                "cr-01-agape-odm-supply", "--repeats", "2");
        assertThat(exit).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("judge " + BudgetWorkspaces.MODEL).containsPattern("calls: \\d+ \\(\\d+ prompts x 2 repeats\\)")
                .contains("tokens per call: input ~").contains("output at most 8,192")
                .containsPattern("on demand: [0-9.,]+ USD \\([0-9.]+ per call\\) \\(EXAMPLE prices\\)")
                .containsPattern("batch: {5}[0-9.,]+ USD").containsPattern("batch: needs at least 100 records, this run has \\d+")
                .contains("prices: " + ws.resolve("prices.yaml"));
        assertThat(err.toString()).contains("wrote").contains("EXAMPLE");
    }

    @Test
    void jsonHasBothCostsAndTheirSources() throws Exception {
        Path ws = workspace();
        Path prices = dir.resolve("p.yaml");
        Files.writeString(prices, "models:\n  \"anthropic.claude-sonnet-4-5-20250929-v1:0\":\n    input_per_1k: 0.002\n"
                + "    output_per_1k: 0.01\n");
        int exit = run("estimate", "--rubric", RUBRIC, "--workspace", ws.toString(), "--prices", prices.toString(),
                "--repeats", "100", "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode e = new ObjectMapper().readTree(out.toString());
        assertThat(e.get("calls").asLong()).isEqualTo(e.get("items").asLong() * 100);
        assertThat(e.get("tokens_per_call").get("output_source").asText()).isEqualTo("max_tokens");
        JsonNode cost = e.get("cost");
        assertThat(cost.get("example_prices").asBoolean()).isFalse();
        assertThat(cost.get("on_demand").get("known").asBoolean()).isTrue();
        double perCall = (e.get("tokens_per_call").get("input").asDouble() * 0.002 + 8192 * 0.01) / 1000;
        assertThat(cost.get("on_demand").get("per_call").asDouble()).isCloseTo(perCall,
                org.assertj.core.data.Offset.offset(1e-12));
        // No batch price in this table: unknown, never zero.
        assertThat(cost.get("batch").get("known").asBoolean()).isFalse();
        assertThat(cost.get("batch").get("reason").asText()).contains("batch_input_per_1k").contains(prices.toString());
        assertThat(e.get("batch").get("meets_minimum").asBoolean()).isTrue();
        assertThat(ws.resolve("prices.yaml")).doesNotExist();
    }

    @Test
    void badInputIsOneLineNamingTheOption() throws Exception {
        Path ws = workspace();
        assertThat(run("estimate", "--rubric", RUBRIC, "--workspace", ws.toString(), "--samples", "nope"))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("--samples").contains("nope");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "models:\n  \"x\":\n    batch_input_per_1k: -1\n");
        assertThat(run("estimate", "--rubric", RUBRIC, "--workspace", ws.toString(), "--prices", bad.toString()))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("--prices").contains("bad.yaml line 3").contains("batch_input_per_1k");
        assertThat(run("estimate", "--rubric", RUBRIC, "--workspace", ws.toString(), "--repeats", "0"))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("--repeats");
    }
}
