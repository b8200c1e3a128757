package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int juror(String... args) {
        return CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheCountsOfAWorkspaceAsJson() throws Exception {
        Path dir = temp.resolve("ws");
        try (Workspace workspace = Workspace.open(dir)) {
            SampleInput sample = new SampleInput("s1", "", "The contract.", "The playbook.", null, Map.of(),
                    List.of(new RolloutInput("[{\"comment_id\":\"c1\"},{\"comment_id\":\"c2\"}]", Map.of()),
                            new RolloutInput("not json", Map.of())), 1);
            new Importer(workspace).importBatch(new ImportBatch(Path.of("x.jsonl"), ImportFormat.JUROR,
                    List.of(sample), List.of(), List.of(), 1), ImportOptions.refuseInvalid());
        }

        int exit = juror("stats", "--workspace", dir.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("workspace").asText()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(json.get("samples").asLong()).isEqualTo(1);
        assertThat(json.get("rollouts").asLong()).isEqualTo(2);
        assertThat(json.get("comments").asLong()).isEqualTo(2);
        assertThat(json.get("documents").asLong()).isEqualTo(2);
        assertThat(json.get("document_bytes").asLong()).isEqualTo("The contract.".length() + "The playbook.".length());
        assertThat(json.get("database_bytes").asLong()).isGreaterThan(json.get("document_bytes").asLong());
    }

    @Test
    void printsATableByDefaultAndCreatesAMissingWorkspace() {
        Path dir = temp.resolve("fresh");

        int exit = juror("stats", "--workspace", dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("(?m)^samples\\s+0$").containsPattern("(?m)^documents\\s+0$");
        assertThat(dir.resolve("juror.mv.db")).exists();
    }

    @Test
    void anUnusableFolderIsOneLineWithExitCodeTwo() throws Exception {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");

        int exit = juror("stats", "--workspace", file.resolve("ws").toString());

        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("juror: Workspace folder").contains(file.toString(), "not a directory")
                .doesNotContain("\n").doesNotContain("Exception:");
    }
}
