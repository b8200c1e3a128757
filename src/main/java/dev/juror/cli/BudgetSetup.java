package dev.juror.cli;

import dev.juror.export.BudgetInputs;
import dev.juror.export.BudgetPlan;
import dev.juror.export.EventSize;
import dev.juror.export.ExportSample;
import dev.juror.export.JudgeLatency;
import dev.juror.export.JudgeQuota;
import dev.juror.export.JudgeUsage;
import dev.juror.export.JudgeUsageMeter;
import dev.juror.export.PriceTableException;
import dev.juror.export.PriceTables;
import dev.juror.export.TokenEstimate;
import dev.juror.export.TrainingShape;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import dev.juror.store.JudgeRunRepository;
import dev.juror.store.Workspace;
import dev.juror.store.WorkspaceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Builds the reward budget from the options, the workspace's judge runs and the price table. */
final class BudgetSetup {

    private BudgetSetup() {
    }

    /**
     * The plan. A workspace folder that does not exist is not created: the tokens are then estimated
     * and the shipped example prices used. Creating the workspace's {@code prices.yaml} is reported on {@code err}.
     */
    static BudgetPlan plan(BudgetOptions o, Rubric rubric, String model, Path workspaceDir, List<ExportSample> samples,
                           EventSize eventSize, PrintWriter err) {
        String version = CanonicalForm.version(rubric);
        JudgeUsage usage = measured(workspaceDir, version, model).orElseGet(() -> TokenEstimate.of(rubric, samples));
        PriceTables.Loaded prices;
        try {
            prices = o.prices != null ? PriceTables.fromFile(o.prices) : PriceTables.forWorkspace(workspaceDir);
        } catch (PriceTableException e) {
            throw new UserInputException((o.prices != null ? "--prices " : "") + e.getMessage(), e);
        }
        if (prices.created()) {
            err.println("juror: wrote " + prices.table().source() + " from the shipped EXAMPLE prices; check them "
                    + "against current Amazon Bedrock pricing");
            err.flush();
        }
        try {
            BudgetInputs inputs = new BudgetInputs(model, rubric.name() + " version " + version,
                    new TrainingShape(o.promptsPerStep, o.rollouts, o.steps, o.batchSize),
                    new JudgeQuota(o.judgeRpm, o.judgeTpm), o.targetStepSeconds,
                    JudgeLatency.resolve(o.latencyMillis(), usage), o.concurrency(), usage, prices.table(), eventSize);
            return new BudgetPlan(inputs);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private static Optional<JudgeUsage> measured(Path workspaceDir, String version, String model) {
        if (workspaceDir == null || !Files.isDirectory(workspaceDir)) {
            return Optional.empty();
        }
        try (Workspace workspace = Workspace.open(workspaceDir)) {
            return JudgeUsageMeter.measure(new JudgeRunRepository(workspace), version, model);
        } catch (WorkspaceException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
