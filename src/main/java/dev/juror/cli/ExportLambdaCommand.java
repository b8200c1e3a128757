package dev.juror.cli;

import dev.juror.workspace.evidence.ExportServices;
import dev.juror.export.BudgetPlan;
import dev.juror.export.S3Prefix;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.workspace.ExportDefaults;
import dev.juror.workspace.ExportKind;
import dev.juror.workspace.ExportOutcome;
import dev.juror.workspace.ExportRequest;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.ExportWorkspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

    @Option(names = "--function-name", paramLabel = "NAME", defaultValue = ExportDefaults.FUNCTION_NAME,
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

    @Option(names = "--memory", paramLabel = "MB", defaultValue = "" + ExportDefaults.MEMORY_MB)
    int memory;

    @Option(names = "--provisioned-concurrency", paramLabel = "N",
            description = "use provisioned concurrency N on the alias instead of SnapStart")
    Integer provisioned;

    @Option(names = "--envelope", description = "answer {statusCode, body} instead of a bare array "
            + "(SageMaker serverless custom scorer only)")
    boolean envelope;

    @Option(names = "--batch-s3-prefix", paramLabel = "s3://BUCKET/PREFIX", description = "the S3 folder of batch "
            + "judge runs (juror judge --mode batch --s3-prefix): scopes iam/batch-*.json to it (default: placeholders)")
    String batchS3Prefix;

    @Mixin
    BudgetOptions budgetOptions;

    private final ExportService service;

    public ExportLambdaCommand() {
        this(ExportServices.withEvidence(Clock.systemUTC()));
    }

    public ExportLambdaCommand(ExportService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Rubric> loaded = RubricFiles.load(rubricFile, err);
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric rubric = loaded.get();
        ExportRequest request = ExportRequest.builder(ExportKind.LAMBDA_PACKAGE, out)
                .rubric(rubric, RubricFiles.readText(rubricFile, "--rubric")).model(model).allowUnvalidated(unvalidated)
                .samplesFile(Optional.ofNullable(samplesFile))
                .lambda(new ExportRequest.LambdaSettings(functionName, Optional.ofNullable(region),
                        Optional.ofNullable(account), memory, Optional.ofNullable(provisioned), envelope, batchFolder()))
                .budget(budgetOptions.settings()).build();
        ExportOutcome outcome;
        try (ExportWorkspace ws = ExportSupport.workspace(workspace)) {
            outcome = service.export(request, ws);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ExportSupport.userInput(e);
        }
        ExportSupport.reportPricesCreated(outcome.pricesSource(), err);
        BudgetPlan budget = outcome.budget().orElseThrow();
        PrintWriter o = spec.commandLine().getOut();
        o.println((outcome.unvalidated() ? "UNVALIDATED bundle" : "bundle") + " for rubric " + rubric.name() + " version "
                + CanonicalForm.version(rubric) + ", judge " + model + ":");
        outcome.files().forEach(f -> o.println("  " + f));
        o.println("lambda_concurrency_limit " + budget.lambdaConcurrencyLimit() + ", lambda_batch_size "
                + budget.lambdaBatchSize() + ", " + budget.handlerConcurrency()
                + " judge calls in flight per invocation (see budget.md); sample event: "
                + (outcome.samples() == 0 ? "empty (no samples found)" : "ok"));
        budget.warnings().forEach(w -> o.println("warning: " + w));
        o.flush();
        return CliRunner.OK;
    }

    private Optional<S3Prefix> batchFolder() {
        try {
            return Optional.ofNullable(batchS3Prefix).map(S3Prefix::parse);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--batch-s3-prefix: " + e.getMessage(), e);
        }
    }
}
