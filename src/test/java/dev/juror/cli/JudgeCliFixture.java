package dev.juror.cli;

import dev.juror.dataset.JsonlImportReader;
import dev.juror.store.Workspace;
import dev.juror.testing.CliRun;
import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workspace with the shipped samples, a response-level test rubric, and a way to run the CLI. */
public final class JudgeCliFixture {

    static final Path SAMPLES = Path.of("samples/contract-review/contract-review.jsonl");
    static final Path CONTRACT_RUBRIC = Path.of("rubrics/contract-review.yaml");
    static final String MODEL = "amazon.nova-pro-v1:0";

    /**
     * A response-level rubric: one judged entry per rollout whatever its comments, so one scripted
     * server answer fits every rollout.
     */
    public static final String RESPONSE_RUBRIC = """
            name: whole-review
            objective: Grade the whole contract review.
            unit: response
            dimensions:
              - name: Grounding
                question: Are the excerpts quoted from the contract?
                scale: 1-5
                levels: {5: all, 4: most, 3: half, 2: few, 1: none}
              - name: Usefulness
                question: Would a lawyer use it?
                scale: 1-5
                levels: {5: as is, 4: with edits, 3: partly, 2: barely, 1: not at all}
            judge:
              model_id: amazon.nova-pro-v1:0
            """;

    public static final String RESPONSE_ANSWER = """
            {"comments": [{"comment_id": "response",
              "Grounding": {"score": 4, "justification": "most quotes are verbatim"},
              "Usefulness": {"score": 3, "justification": "actions are general"},
              "Comment_Score": 3.5}],
             "Aggregate_Score": {"score": 3.5, "total_comments": 1, "rationale": "fine"}}""";

    private JudgeCliFixture() {
    }

    static Path workspaceWithSamples(Path dir) throws IOException {
        try (Workspace ws = Workspace.open(dir)) {
            new Importer(ws).importBatch(JsonlImportReader.read(SAMPLES), ImportOptions.refuseInvalid());
        }
        return dir;
    }

    static Path responseRubric(Path dir) throws IOException {
        Path file = dir.resolve("whole-review.yaml");
        Files.writeString(file, RESPONSE_RUBRIC);
        return file;
    }

    /** Runs {@code juror args...}; returns exit code, output in {@code out}/{@code err}. */
    static Run juror(String... args) {
        CliRun run = CliRun.of(args);
        return new Run(run.exit(), run.out(), run.err());
    }

    record Run(int exit, String out, String err) {
    }
}
