package dev.juror.cli;

import dev.juror.workspace.evidence.ExportServices;
import dev.juror.rubric.Rubric;
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

/** {@code juror export prompt}: the judge prompt bundle, refused unless the judge is VALIDATED. */
@Command(name = "prompt",
        mixinStandardHelpOptions = true,
        description = "Write the judge prompt (system prompt, user-message template, output schema, rubric, "
                + "manifest). Refused unless the rubric version with its judge is VALIDATED.")
public final class ExportPromptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "FILE")
    Path rubricFile;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--model", paramLabel = "ID", description = "judge model (default: the rubric's judge.model_id)")
    String model;

    @Option(names = "--unvalidated", description = "write it without a VALIDATED verdict, marked as such")
    boolean unvalidated;

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace holding the verdicts")
    Path workspace;

    private final ExportService service;

    public ExportPromptCommand() {
        this(ExportServices.withEvidence(Clock.systemUTC()));
    }

    public ExportPromptCommand(ExportService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        Optional<Rubric> loaded = RubricFiles.load(rubricFile, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        ExportRequest request = ExportRequest.builder(ExportKind.PROMPT_BUNDLE, out)
                .rubric(loaded.get(), RubricFiles.readText(rubricFile, "--rubric")).model(model)
                .allowUnvalidated(unvalidated).build();
        ExportOutcome outcome;
        try (ExportWorkspace ws = ExportSupport.workspace(workspace)) {
            outcome = service.export(request, ws);
        } catch (IOException e) {
            throw new UserInputException("--out: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ExportSupport.userInput(e);
        }
        outcome.files().forEach(f -> spec.commandLine().getOut().println("  " + f));
        spec.commandLine().getOut().flush();
        return CliRunner.OK;
    }
}
