package dev.juror.cli;

import dev.juror.export.ExportSample;
import dev.juror.export.TrainingDataExporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror export training-data}: Nova RFT training rows (JSONL). */
@Command(name = "training-data",
        mixinStandardHelpOptions = true,
        description = "Write Nova RFT training rows (system and user turns with the documents in tags, "
                + "reference_answer) from the workspace's samples or a JSONL file.")
public final class ExportTrainingDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl")
    Path out;

    @Option(names = "--samples", paramLabel = "FILE", description = "a Juror or Nova JSONL file instead of the workspace")
    Path samples;

    @Option(names = "--workspace", paramLabel = "DIR")
    Path workspace;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000")
    int limit;

    @Override
    public Integer call() {
        Path workspaceDir = workspace == null ? dev.juror.store.Workspace.defaultDirectory() : workspace;
        List<ExportSample> rows = ExportSupport.samples(Optional.ofNullable(samples), workspaceDir, limit);
        if (rows.isEmpty()) {
            throw new UserInputException("no samples to export: import some (juror import) or pass --samples FILE.jsonl");
        }
        try {
            int n = TrainingDataExporter.export(rows, out);
            spec.commandLine().getOut().println(n + " Nova RFT rows written to " + out);
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        return CliRunner.OK;
    }
}
