package dev.juror.cli;

import static dev.juror.export.BudgetWorkspaces.Call.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.export.BudgetWorkspaces;
import dev.juror.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** juror budget and the budget inside juror export lambda, with tokens measured in a workspace. */
class BudgetCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = BudgetWorkspaces.MODEL;

    @TempDir
    Path dir;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Three ok calls: 2000 input, 500 output, 6000 cache read, 0 cache write, 6 s on average. */
    private Path measuredWorkspace() throws Exception {
        Path ws = dir.resolve("ws");
        try (Workspace w = BudgetWorkspaces.withSamples(ws)) {
            BudgetWorkspaces.run(w, "bedrock", MODEL, List.of(ok(1500, 400, 6000, 0, 5000), ok(2500, 600, 6000, 0, 7000),
                    ok(2000, 500, 6000, 0, 6000)));
        }
        return ws;
    }

    @Test
    void jsonPlanUsesTheMeasuredTokensAndLatencyAndWritesThePriceTable() throws Exception {
        Path ws = measuredWorkspace();
        int exit = run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--model", MODEL, "--workspace", ws.toString(),
                "--json", "--judge-rpm", "1000", "--judge-tpm", "2000000");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("wrote").contains("prices.yaml").contains("EXAMPLE");
        assertThat(ws.resolve("prices.yaml")).isRegularFile();
        JsonNode plan = JSON.readTree(out.toString());
        JsonNode tokens = plan.get("tokens");
        assertThat(tokens.get("source").asText()).isEqualTo("measured");
        assertThat(tokens.get("results").asInt()).isEqualTo(3);
        assertThat(tokens.get("per_call").get("input").get("mean").asDouble()).isEqualTo(2000);
        assertThat(tokens.get("per_call").get("cache_read").get("mean").asDouble()).isEqualTo(6000);
        assertThat(tokens.get("tokens_per_call").asDouble()).isEqualTo(8500);
        assertThat(plan.get("inputs").get("latency_ms").asDouble()).isEqualTo(6000);
        // 2,000,000 tpm / 8,500 tokens per call = 235.29 calls/min < 1000 rpm: the token quota binds;
        // carried in flight = 235.29 / 60 x 6 = 23.53 -> N = min(ceil(512 x 6 / 60) = 52, 23) = 23;
        // The largest shipped sample is 65,142 bytes as a Lambda event: B = floor(5,033,164 / 65,142) = 77
        // (not the asked 128), I = ceil(512 / 77) = 7; limit = min(I = 7, 23) = 7, k = ceil(23 / 7) = 4
        // -> 28 > 23, so k = floor(23 / 7) = 3
        assertThat(plan.get("rate").get("token_quota_binds").asBoolean()).isTrue();
        assertThat(plan.get("rate").get("meets_target").asBoolean()).isFalse();
        assertThat(plan.get("concurrency").get("planned_in_flight").asInt()).isEqualTo(23);
        assertThat(plan.get("payload").get("lambda_batch_size").asInt()).isEqualTo(77);
        assertThat(plan.get("payload").get("max_event_bytes_per_sample").asInt()).isEqualTo(65_142);
        assertThat(plan.get("concurrency").get("lambda_concurrency_limit").asInt()).isEqualTo(7);
        assertThat(plan.get("concurrency").get("calls_in_flight_per_invocation").asInt()).isEqualTo(3);
        // example price of the shipped table: (2000 x 0.003 + 6000 x 0.0003 + 500 x 0.015) / 1000 = 0.0153
        assertThat(plan.get("cost").get("example_prices").asBoolean()).isTrue();
        assertThat(plan.get("cost").get("with_caching").get("per_call").asDouble()).isCloseTo(0.0153,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(plan.get("warnings").toString()).contains("cannot meet the target").contains("EXAMPLE prices");
    }

    @Test
    void textPlanIsTheBudgetMarkdown() throws Exception {
        Path ws = measuredWorkspace();
        assertThat(run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--workspace", ws.toString())).isZero();
        assertThat(out.toString()).startsWith("# Reward budget").contains("Judge `" + MODEL + "`")
                .contains("Source: measured: 3 ok results of 1 judge run").contains("lambda_concurrency_limit");
    }

    @Test
    void anUnknownOrUnpricedModelHasAnUnknownCost() throws Exception {
        Path ws = measuredWorkspace();
        assertThat(run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--model", "mistral.unknown-judge-v1:0",
                "--workspace", ws.toString(), "--json")).isZero();
        JsonNode cost = JSON.readTree(out.toString()).get("cost");
        assertThat(cost.get("price_entry").isNull()).isTrue();
        assertThat(cost.get("with_caching").get("unknown").asText()).contains("add the model mistral.unknown-judge-v1:0")
                .contains("prices.yaml");
        assertThat(cost.get("without_caching").has("per_call")).isFalse();

        assertThat(run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--model", "openai.gpt-oss-120b-1:0",
                "--workspace", ws.toString(), "--json")).isZero();
        assertThat(JSON.readTree(out.toString()).get("cost").get("with_caching").get("unknown").asText())
                .contains("has no input_per_1k, output_per_1k");
    }

    @Test
    void aBrokenPriceTableIsABadInputNamingFileAndLine() throws Exception {
        Path prices = dir.resolve("my-prices.yaml");
        Files.writeString(prices, "models:\n  \"anthropic.claude-sonnet-4-5-20250929-v1:0\":\n    input_per_1k: $3\n");
        int exit = run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--workspace", dir.resolve("none").toString(),
                "--prices", prices.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("my-prices.yaml line 3").contains("input_per_1k").contains("fix:")
                .doesNotContain("Exception");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void withoutMeasurementsTheEstimateIsUsedAndSaid() {
        assertThat(run("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--workspace", dir.resolve("none").toString(),
                "--samples", BudgetWorkspaces.SAMPLES)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ESTIMATED, not measured").contains("rendered prompt of sample");
    }

    @Test
    void exportWritesTheMeasuredBudgetAndTheDerivedConcurrency() throws Exception {
        Path ws = measuredWorkspace();
        Path bundle = dir.resolve("bundle");
        int exit = run("export", "lambda", "--rubric", BudgetWorkspaces.RUBRIC, "--model", MODEL, "--out",
                bundle.toString(), "--workspace", ws.toString(), "--unvalidated", "--judge-rpm", "1000");
        assertThat(exit).as(err.toString()).isZero();
        // 1000 rpm x 6 s = 100 in flight carried; ceil(512 x 6 / 60) = 52 needed; the payload limit gives
        // B = 77 (see above), I = ceil(512 / 77) = 7: limit 7, k = ceil(52 / 7) = 8
        assertThat(out.toString()).contains("lambda_concurrency_limit 7, lambda_batch_size 77, 8 judge calls in flight"
                + " per invocation");
        String budget = Files.readString(bundle.resolve("budget.md"));
        assertThat(budget).contains("UNVALIDATED").contains("measured: 3 ok results")
                .contains("| **lambda_concurrency_limit** | **7** | min(I, N) |");
        JsonNode overrides = JSON.readTree(bundle.resolve("training-overrides.json").toFile());
        assertThat(overrides.get("lambda_concurrency_limit").asInt()).isEqualTo(7);
        assertThat(overrides.get("lambda_batch_size").asInt()).isEqualTo(77);
        try (ZipFile zip = new ZipFile(bundle.resolve("reward-lambda.zip").toFile())) {
            JsonNode config = JSON.readTree(zip.getInputStream(zip.getEntry("juror-reward.json")));
            assertThat(config.get("concurrency").asInt()).isEqualTo(8);
        }
        assertThat(Files.readString(bundle.resolve("template.yaml"))).contains("ProvisionedConcurrency:\n    Type: Number\n"
                + "    Default: 7\n");
    }
}
