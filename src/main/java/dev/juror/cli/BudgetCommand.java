package dev.juror.cli;

import dev.juror.workspace.evidence.ExportServices;
import dev.juror.export.BudgetJson;
import dev.juror.export.BudgetPlan;
import dev.juror.rubric.Rubric;
import dev.juror.workspace.BudgetContext;
import dev.juror.workspace.ExportService;
import dev.juror.workspace.ExportWorkspace;
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

/** {@code juror budget}: the reward budget of a training job, without exporting anything. */
@Command(name = "budget",
        mixinStandardHelpOptions = true,
        description = "Print the reward budget: judge calls, tokens (measured in the workspace's judge runs), cost "
                + "from the price table, the Bedrock rate a target time per step needs, and lambda_concurrency_limit. "
                + "The same plan juror export lambda writes to budget.md.")
public final class BudgetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rubric", required = true, paramLabel = "FILE")
    Path rubricFile;

    @Option(names = "--model", paramLabel = "ID",
            description = "judge model or inference profile id (default: the rubric's judge.model_id)")
    String model;

    @Option(names = "--workspace", paramLabel = "DIR", description = "workspace with judge runs and prices.yaml "
            + "(default: the Juror folder in your home directory; not created if missing)")
    Path workspace;

    @Option(names = "--samples", paramLabel = "FILE",
            description = "samples (JSONL) for the Lambda event size, and the token estimate when nothing was measured"
                    + " (default: the workspace's samples)")
    Path samplesFile;

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Mixin
    BudgetOptions budget;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Rubric> loaded = RubricFiles.load(rubricFile, err);
        if (loaded.isEmpty()) {
            return CliRunner.BAD_INPUT;
        }
        Rubric rubric = loaded.get();
        String judgeModel = model != null ? model : rubric.judge().modelId();
        BudgetPlan plan;
        // A workspace folder that does not exist is not created: tokens are then estimated, example prices used.
        try (ExportWorkspace ws = ExportSupport.workspace(workspace)) {
            BudgetContext context = ExportServices.withEvidence(Clock.systemUTC()).budgetContext(ws, rubric, judgeModel,
                    Optional.ofNullable(samplesFile), Optional.ofNullable(budget.prices));
            ExportSupport.reportPricesCreated(context.prices().created()
                    ? Optional.of(context.prices().table().source()) : Optional.empty(), err);
            plan = budget.settings().plan(rubric, judgeModel, context);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw ExportSupport.userInput(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(BudgetJson.of(plan)));
        } else {
            out.print(plan.markdown(false));
        }
        out.flush();
        return CliRunner.OK;
    }
}
