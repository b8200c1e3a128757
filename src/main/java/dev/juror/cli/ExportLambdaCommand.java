package dev.juror.cli;

import dev.juror.export.BudgetPlan;
import dev.juror.export.ExportGate;
import dev.juror.export.ExportRefusedException;
import dev.juror.export.ExportSample;
import dev.juror.export.LambdaBundleExporter;
import dev.juror.export.LambdaBundleRequest;
import dev.juror.export.LambdaJars;
import dev.juror.export.PromptTokens;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code juror export lambda}: the reward Lambda bundle, refused unless the judge is VALIDATED. */
@Command(name = "lambda",
        mixinStandardHelpOptions = true,
        description = "Write the reward Lambda bundle (zip, SAM template, IAM policies, training overrides, budget, "
                + "README, sample event). Refused unless the rubric version with this judge is VALIDATED.")
public final class ExportLambdaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "FILE")
    Path rubricFile;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "judge model or inference profile id")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--function-name", paramLabel = "NAME", defaultValue = LambdaBundleRequest.DEFAULT_FUNCTION_NAME,
            description = "must contain SageMaker (default: ${DEFAULT-VALUE})")
    String functionName;

    @Option(names = "--unvalidated", description = "write the bundle without a VALIDATED verdict, marked as such")
    boolean unvalidated;

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace with verdicts and samples "
            + "(default: the Juror folder in your home directory)")
    Path workspace;

    @Option(names = "--samples", paramLabel = "FILE", description = "samples for the sample event (JSONL) "
            + "instead of the workspace's")
    Path samplesFile;

    @Option(names = "--region", paramLabel = "R", description = "Region for ARNs (default: placeholders)")
    String region;

    @Option(names = "--account-id", paramLabel = "ID", description = "AWS account for ARNs (default: placeholder)")
    String account;

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "2048")
    int memory;

    @Option(names = "--provisioned-concurrency", paramLabel = "N",
            description = "use provisioned concurrency N on the alias instead of SnapStart")
    Integer provisioned;

    @Option(names = "--envelope", description = "answer {statusCode, body} instead of a bare array "
            + "(SageMaker serverless custom scorer only)")
    boolean envelope;

    @Mixin
    BudgetOptions budgetOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Rubric> loaded = RubricFiles.load(rubricFile, err);
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric rubric = loaded.get();
        String version = CanonicalForm.version(rubric);
        Path workspaceDir = workspace == null ? dev.juror.store.Workspace.defaultDirectory() : workspace;
        boolean mark;
        try {
            mark = ExportSupport.withVerdicts(workspaceDir,
                    verdicts -> ExportGate.check(verdicts, "reward Lambda bundle", version, model, unvalidated));
        } catch (ExportRefusedException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        List<ExportSample> samples = ExportSupport.samples(Optional.ofNullable(samplesFile), workspaceDir, 20);
        BudgetPlan budget = BudgetSetup.plan(budgetOptions, rubric, model, workspaceDir, samples,
                ExportSupport.eventSize(Optional.ofNullable(samplesFile), workspaceDir), err);
        LambdaBundleRequest request;
        try {
            // Provisioned environments beyond the trainer's limit would never be used.
            int provisionedConcurrency = provisioned == null ? budget.lambdaConcurrencyLimit() : provisioned;
            request = new LambdaBundleRequest(rubric, RubricFiles.readText(rubricFile, "--rubric"), model, functionName,
                    budget.handlerConcurrency(), Optional.ofNullable(region), Optional.ofNullable(account), memory,
                    provisioned == null, provisionedConcurrency, envelope, budget, samples, mark);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        try {
            List<Path> files = new LambdaBundleExporter(LambdaJars.locate()).export(request, out);
            PrintWriter o = spec.commandLine().getOut();
            o.println((mark ? "UNVALIDATED bundle" : "bundle") + " for rubric " + rubric.name() + " version " + version
                    + ", judge " + model + ":");
            files.forEach(f -> o.println("  " + f));
            o.println("lambda_concurrency_limit " + budget.lambdaConcurrencyLimit() + ", lambda_batch_size "
                    + budget.lambdaBatchSize() + ", " + budget.handlerConcurrency()
                    + " judge calls in flight per invocation (see budget.md); sample event: "
                    + (samples.isEmpty() ? "empty (no samples found)" : "ok"));
            budget.warnings().forEach(w -> o.println("warning: " + w));
            o.flush();
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        return CliRunner.OK;
    }
}
