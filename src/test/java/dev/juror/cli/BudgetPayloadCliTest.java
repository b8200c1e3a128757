package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.export.BudgetWorkspaces;
import dev.juror.store.Workspace;
import dev.juror.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18 §7: juror budget and export lambda keep one Lambda event under the 6 MB invoke limit. */
class BudgetPayloadCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    /** A JSONL file with one sample whose contract is {@code contractBytes} long, and one short sample. */
    private Path samples(int contractBytes) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String[] s : new String[][] {{"big-contract", "A".repeat(contractBytes)}, {"short", "Short contract."}}) {
            ObjectNode row = JSON.createObjectNode();
            row.put("id", s[0]);
            row.put("system_prompt", "You review contracts.");
            row.put("target_document", s[1]);
            row.put("reference_document", "The playbook.");
            row.putArray("rollouts").addObject().put("prediction", "[]");
            lines.append(JSON.writeValueAsString(row)).append('\n');
        }
        return Files.writeString(dir.resolve("samples-" + contractBytes + ".jsonl"), lines);
    }

    private String emptyWorkspace() {
        try (Workspace w = Workspace.open(dir.resolve("ws"))) {
            return dir.resolve("ws").toString();
        }
    }

    @Test
    void aFourMegabyteContractGivesOneSamplePerInvocationInTheBudget() throws Exception {
        Path file = samples(4 * 1024 * 1024);
        CliRun json = CliRun.of("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--samples", file.toString(),
                "--workspace", emptyWorkspace(), "--json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode payload = JSON.readTree(json.out()).get("payload");
        assertThat(payload.get("lambda_batch_size").asInt()).isEqualTo(1);
        assertThat(payload.get("largest_sample").asText()).isEqualTo("big-contract");
        assertThat(payload.get("max_event_bytes_per_sample").asLong()).isGreaterThan(4L * 1024 * 1024);

        CliRun text = CliRun.of("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--samples", file.toString(),
                "--workspace", emptyWorkspace());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("**`lambda_batch_size`** (samples per invocation) | **1**")
                .contains("lambda_batch_size lowered from 128 to 1");
    }

    @Test
    void theExportWritesTheBatchSizeIntoTheTrainingOverrides() throws Exception {
        Path file = samples(4 * 1024 * 1024);
        CliRun export = CliRun.of("export", "lambda", "--rubric", BudgetWorkspaces.RUBRIC, "--model",
                "amazon.nova-pro-v1:0", "--out", dir.resolve("b").toString(), "--workspace", emptyWorkspace(),
                "--unvalidated", "--samples", file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode overrides = JSON.readTree(dir.resolve("b/training-overrides.json").toFile());
        assertThat(overrides.get("lambda_batch_size").asInt()).isEqualTo(1);
        assertThat(export.out()).contains("lambda_batch_size 1");
        assertThat(Files.readString(dir.resolve("b/budget.md"))).contains("## Lambda payload");
    }

    @Test
    void aSampleTooLargeForOneInvocationIsRefused() throws Exception {
        Path file = samples(5_500_000);
        CliRun budget = CliRun.of("budget", "--rubric", BudgetWorkspaces.RUBRIC, "--samples", file.toString(),
                "--workspace", emptyWorkspace());
        assertThat(budget.exit()).isEqualTo(2);
        assertThat(budget.err()).contains("juror: sample big-contract is 5,500,")
                .contains("6 MB synchronous invoke limit").doesNotContain("Exception");

        assertThat(CliRun.of("export", "lambda", "--rubric", BudgetWorkspaces.RUBRIC, "--model",
                "amazon.nova-pro-v1:0", "--out", dir.resolve("b").toString(), "--workspace", emptyWorkspace(),
                "--unvalidated", "--samples", file.toString()).exit()).isEqualTo(2);
        assertThat(dir.resolve("b")).doesNotExist();
    }
}
