package dev.juror.cli;

import dev.juror.export.ExportGate;
import dev.juror.export.ExportRefusedException;
import dev.juror.export.PromptBundleExporter;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.io.IOException;
import java.nio.file.Path;
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

    @Override
    public Integer call() {
        Optional<Rubric> loaded = RubricFiles.load(rubricFile, spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric rubric = loaded.get();
        String judge = model == null ? rubric.judge().modelId() : model;
        String version = CanonicalForm.version(rubric);
        Path workspaceDir = workspace == null ? dev.juror.store.Workspace.defaultDirectory() : workspace;
        boolean mark;
        try {
            mark = ExportSupport.withVerdicts(workspaceDir,
                    verdicts -> ExportGate.check(verdicts, "judge prompt", version, judge, unvalidated));
        } catch (ExportRefusedException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try {
            PromptBundleExporter.export(rubric, RubricFiles.readText(rubricFile, "--rubric"), judge, mark, out)
                    .forEach(f -> spec.commandLine().getOut().println("  " + f));
        } catch (IOException e) {
            throw new UserInputException("--out: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().flush();
        return CliRunner.OK;
    }
}
