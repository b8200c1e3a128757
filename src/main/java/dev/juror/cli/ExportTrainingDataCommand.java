package dev.juror.cli;

import dev.juror.workspace.evidence.ExportServices;
import dev.juror.workspace.ExportDefaults;
import dev.juror.workspace.ExportKind;
import dev.juror.workspace.ExportOutcome;
import dev.juror.workspace.ExportRequest;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.ExportWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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

    @Option(names = "--limit", paramLabel = "N", description = "write at most N of the workspace's samples "
            + "(default: all)")
    Integer limit;

    @Option(names = "--reference-answer", paramLabel = "SOURCE", defaultValue = "samples",
            description = "Where each row's reference_answer comes from: samples (the sample's own, the default) or"
                    + " expert-issues (the issues experts recorded as missed at the review desk, for samples that have"
                    + " any; the others keep their own).")
    String referenceAnswer;

    private final ExportService service;

    public ExportTrainingDataCommand() {
        this(ExportServices.withEvidence(Clock.systemUTC()));
    }

    public ExportTrainingDataCommand(ExportService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        if (!referenceAnswer.equals("samples") && !referenceAnswer.equals("expert-issues")) {
            throw new UserInputException("--reference-answer " + referenceAnswer + ": choose samples or expert-issues");
        }
        ExportRequest request;
        try {
            request = ExportRequest.builder(ExportKind.TRAINING_DATA, out).samplesFile(Optional.ofNullable(samples))
                    .trainingLimit(limit == null ? ExportDefaults.TRAINING_DATA_LIMIT : limit)
                    .expertIssuesAsReference(referenceAnswer.equals("expert-issues")).build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        ExportOutcome outcome;
        try (ExportWorkspace ws = ExportSupport.workspace(workspace)) {
            outcome = service.export(request, ws);
        } catch (IOException e) {
            throw new UserInputException("--out: cannot write " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ExportSupport.userInput(e);
        }
        spec.commandLine().getOut().println(outcome.samples() + " Nova RFT rows written to " + out);
        spec.commandLine().getOut().flush();
        return CliRunner.OK;
    }
}
