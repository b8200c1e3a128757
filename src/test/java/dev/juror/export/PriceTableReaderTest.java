package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableReaderTest {

    @TempDir
    Path dir;

    private final PriceTableReader reader = new PriceTableReader();

    private static String table(String entry) {
        return "format: juror-prices/1\ncurrency: EUR\nmodels:\n  \"amazon.nova-pro-v1:0\":\n" + entry;
    }

    @Test
    void readsPricesAndLeavesEmptyOnesUnknown() {
        PriceTable t = reader.parse(table("    input_per_1k: 0.0008\n    output_per_1k: 0.0032\n    cache_read_per_1k: ~\n"),
                "p.yaml");
        assertThat(t.currency()).isEqualTo("EUR");
        ModelPrice p = t.find("us.amazon.nova-pro-v1:0").orElseThrow();
        assertThat(p.inputPer1k()).hasValue(0.0008);
        assertThat(p.outputPer1k()).hasValue(0.0032);
        assertThat(p.cacheReadPer1k()).isEmpty();
        assertThat(p.cacheWritePer1k()).isEmpty();
        assertThat(p.example()).isFalse();
        assertThat(t.find("amazon.nova-lite-v1:0")).isEmpty();
    }

    @Test
    void anExactIdWinsOverItsBaseModel() {
        PriceTable t = reader.parse("models:\n  \"amazon.nova-pro-v1:0\":\n    input_per_1k: 1\n"
                + "  \"eu.amazon.nova-pro-v1:0\":\n    input_per_1k: 2\n", "p.yaml");
        assertThat(t.find("EU.amazon.nova-pro-v1:0").orElseThrow().inputPer1k()).hasValue(2);
        assertThat(t.find("us.amazon.nova-pro-v1:0").orElseThrow().inputPer1k()).hasValue(1);
        assertThat(t.find("arn:aws:bedrock:us-east-1:1:inference-profile/us.amazon.nova-pro-v1:0")).isPresent();
    }

    @Test
    void aPriceWrittenAsTextNamesFileLinePathAndFix() {
        assertThatThrownBy(() -> reader.parse(table("    input_per_1k: \"0.0008\"\n"), "prices.yaml"))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("prices.yaml line 5 (models.\"amazon.nova-pro-v1:0\".input_per_1k)")
                .hasMessageContaining("is text, not a number")
                .hasMessageContaining("fix: write the price per 1,000 tokens as a plain number");
    }

    @Test
    void aMistypedKeyIsNamedWithTheAllowedOnes() {
        assertThatThrownBy(() -> reader.parse(table("    input_per_1k: 0.1\n    output_per_1K: 0.2\n"), "prices.yaml"))
                .hasMessageContaining("prices.yaml line 6 (models.\"amazon.nova-pro-v1:0\".output_per_1K)")
                .hasMessageContaining("unknown key 'output_per_1K'")
                .hasMessageContaining("use one of input_per_1k, output_per_1k");
        assertThatThrownBy(() -> reader.parse("modles:\n  x: ~\n", "prices.yaml"))
                .hasMessageContaining("line 1 (modles)").hasMessageContaining("unknown key");
    }

    @Test
    void negativePricesBrokenYamlDuplicatesAndEmptyFilesAreRefused() {
        assertThatThrownBy(() -> reader.parse(table("    output_per_1k: -0.5\n"), "prices.yaml"))
                .hasMessageContaining("line 5").hasMessageContaining("negative").hasMessageContaining("fix:");
        assertThatThrownBy(() -> reader.parse("models:\n  a:\n    input_per_1k: [1\n", "prices.yaml"))
                .hasMessageContaining("prices.yaml line").hasMessageContaining("not valid YAML")
                .hasMessageContaining("fix:");
        assertThatThrownBy(() -> reader.parse(table("    input_per_1k: 1\n    input_per_1k: 2\n"), "prices.yaml"))
                .hasMessageContaining("prices.yaml line 6").hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> reader.parse("", "prices.yaml")).hasMessageContaining("empty")
                .hasMessageContaining("fix:");
        assertThatThrownBy(() -> reader.parse("currency: USD\n", "prices.yaml")).hasMessageContaining("no 'models:'");
        assertThatThrownBy(() -> reader.parse(table("    example: yes please\n"), "prices.yaml"))
                .hasMessageContaining("line 5").hasMessageContaining("true or false");
    }

    @Test
    void batchPricesAreReadAndUnknownWhenEmptyOrAbsent() {
        PriceTable t = reader.parse(table("    input_per_1k: 0.0008\n    output_per_1k: 0.0032\n"
                + "    batch_input_per_1k: 0.0004\n    batch_output_per_1k: ~\n"), "p.yaml");
        ModelPrice p = t.find("amazon.nova-pro-v1:0").orElseThrow();
        assertThat(p.batchInputPer1k()).hasValue(0.0004);
        assertThat(p.batchOutputPer1k()).isEmpty();
        ModelPrice absent = reader.parse(table("    input_per_1k: 0.0008\n"), "p.yaml").find("amazon.nova-pro-v1:0")
                .orElseThrow();
        assertThat(absent.batchInputPer1k()).isEmpty();
        assertThat(absent.batchOutputPer1k()).isEmpty();
        ModelPrice zero = reader.parse(table("    batch_input_per_1k: 0\n"), "p.yaml").find("amazon.nova-pro-v1:0")
                .orElseThrow();
        assertThat(zero.batchInputPer1k()).hasValue(0.0);
    }

    @Test
    void aBadBatchPriceNamesFileLineModelAndField() {
        assertThatThrownBy(() -> reader.parse(table("    batch_output_per_1k: -0.001\n"), "prices.yaml"))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("prices.yaml line 5 (models.\"amazon.nova-pro-v1:0\".batch_output_per_1k)")
                .hasMessageContaining("negative").hasMessageContaining("fix:");
        assertThatThrownBy(() -> reader.parse(table("    batch_input_per_1k: half\n"), "prices.yaml"))
                .hasMessageContaining("prices.yaml line 5 (models.\"amazon.nova-pro-v1:0\".batch_input_per_1k)")
                .hasMessageContaining("is text, not a number");
        assertThatThrownBy(() -> reader.parse(table("    batch_input_per_1k: [1]\n"), "prices.yaml"))
                .hasMessageContaining("batch_input_per_1k").hasMessageContaining("must be a number");
    }

    @Test
    void theShippedBatchExamplesAreHalfOfOnDemandWhereThereArePrices() {
        PriceTable t = reader.parse(PriceTables.shippedText(), "shipped");
        for (ModelPrice p : t.models().values()) {
            if (p.inputPer1k().isPresent()) {
                assertThat(p.batchInputPer1k().getAsDouble()).as(p.key()).isEqualTo(p.inputPer1k().getAsDouble() / 2);
                assertThat(p.batchOutputPer1k().getAsDouble()).as(p.key()).isEqualTo(p.outputPer1k().getAsDouble() / 2);
            } else {
                assertThat(p.batchInputPer1k()).as(p.key()).isEmpty();
            }
        }
        assertThat(PriceTables.shippedText()).contains("HALF of the on-demand");
    }

    @Test
    void aMissingFileNamesTheOption() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"))).hasMessageContaining("nope.yaml")
                .hasMessageContaining("not found").hasMessageContaining("--prices");
    }

    @Test
    void theShippedTableParsesAndIsMarkedAsExamples() {
        PriceTable t = reader.parse(PriceTables.shippedText(), "shipped");
        assertThat(PriceTables.shippedText()).contains("EXAMPLE VALUES ONLY").contains("NOT checked");
        assertThat(t.models().values()).allMatch(ModelPrice::example);
        assertThat(t.find("us.anthropic.claude-sonnet-4-5-20250929-v1:0")).isPresent();
        // the seed article's judge is listed without prices: its cost is unknown, not zero
        ModelPrice oss = t.find("openai.gpt-oss-120b-1:0").orElseThrow();
        assertThat(oss.inputPer1k()).isEmpty();
        assertThat(oss.outputPer1k()).isEmpty();
    }

    @Test
    void theWorkspaceTableIsWrittenOnceAndThenReadAsEdited() throws Exception {
        PriceTables.Loaded first = PriceTables.forWorkspace(dir);
        assertThat(first.created()).isTrue();
        Path file = dir.resolve(PriceTables.FILE_NAME);
        assertThat(file).isRegularFile();
        assertThat(first.table().source()).isEqualTo(file.toString());
        Files.writeString(file, "models:\n  \"my.judge\":\n    input_per_1k: 0.5\n    output_per_1k: 1\n");
        PriceTables.Loaded second = PriceTables.forWorkspace(dir);
        assertThat(second.created()).isFalse();
        assertThat(second.table().find("my.judge").orElseThrow().inputPer1k()).hasValue(0.5);

        Path missing = dir.resolve("no-workspace");
        PriceTables.Loaded shipped = PriceTables.forWorkspace(missing);
        assertThat(shipped.created()).isFalse();
        assertThat(missing).doesNotExist();
        assertThat(shipped.table().source()).contains("shipped example price table");
    }
}
