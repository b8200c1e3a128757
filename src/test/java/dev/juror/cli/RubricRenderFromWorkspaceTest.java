package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.RolloutRepository;
import dev.juror.store.Workspace;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code juror rubric render FILE --sample ID --rollout N} takes the sample from the workspace. */
class RubricRenderFromWorkspaceTest {

    private static final String SAMPLE = "cr-01-agape-odm-supply";

    @TempDir
    Path temp;

    private Path ws;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void importSamples() throws Exception {
        ws = temp.resolve("ws");
        try (Workspace workspace = Workspace.open(ws)) {
            new Importer(workspace).importBatch(
                    JsonlImportReader.read(Path.of("samples/contract-review/contract-review.jsonl")),
                    ImportOptions.refuseInvalid());
        }
    }

    private int juror(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void rendersTheStoredDocumentsAndTheChosenRollout() throws Exception {
        String contract = Files.readString(Path.of("samples/contract-review/contracts/cuad-01-agape-supply-agreement.txt"));
        String prediction;
        try (Workspace workspace = Workspace.open(ws)) {
            prediction = new RolloutRepository(workspace).find(SAMPLE, 1).orElseThrow().prediction();
        }

        int exit = juror("rubric", "render", "rubrics/contract-review.yaml", "--workspace", ws.toString(),
                "--sample", SAMPLE, "--rollout", "1", "--seed", "7");

        assertThat(exit).as(err.toString()).isZero();
        String rendered = out.toString();
        assertThat(rendered).doesNotContain("PLACEHOLDER");
        // The contract's first line and a line of the prediction both appear (documents are tag-escaped, so compare plain lines).
        assertThat(rendered).contains(contract.lines().filter(l -> l.length() > 30).findFirst().orElseThrow().strip());
        assertThat(prediction).isNotBlank();
    }

    @Test
    void anUnknownSampleOrRolloutIsAOneLineError() {
        assertThat(juror("rubric", "render", "rubrics/contract-review.yaml", "--workspace", ws.toString(),
                "--sample", "no-such-sample")).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("no sample \"no-such-sample\"");

        assertThat(juror("rubric", "render", "rubrics/contract-review.yaml", "--workspace", ws.toString(),
                "--sample", SAMPLE, "--rollout", "99")).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("out of range");
    }
}
