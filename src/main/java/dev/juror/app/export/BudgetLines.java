package dev.juror.app.export;

import dev.juror.export.BudgetPlan;
import dev.juror.export.Cost;
import dev.juror.export.JudgeUsage;
import java.util.List;
import java.util.Locale;

/** The budget planner's results as the export screen lists them. */
final class BudgetLines {

    private BudgetLines() {
    }

    static List<BudgetLine> of(BudgetPlan p) {
        JudgeUsage used = p.inputs().usage();
        return List.of(
                new BudgetLine("Judge calls per step", grouped(p.callsPerStep()), false),
                new BudgetLine("Judge calls in total", grouped(p.callsForRun()), false),
                new BudgetLine("Prompt tokens per call (" + (used.measured() ? "measured" : "estimated") + ")",
                        grouped(Math.round(used.promptTokensPerCall())), false),
                new BudgetLine("Output tokens per call", grouped(Math.round(used.output().mean())), false),
                new BudgetLine("Cost per step, with prompt caching", cost(p.costWithCaching(), true), false),
                new BudgetLine("Cost for the run, with / without caching", cost(p.costWithCaching(), false) + " / "
                        + cost(p.costWithoutCaching(), false), false),
                new BudgetLine("Requests per minute needed / quota", fixed(p.requiredRequestsPerMinute()) + " / "
                        + fixed(p.quotaRequestsPerMinute()) + (p.quotaMeetsTarget() ? "" : "  (quota too low)"), false),
                new BudgetLine("Judge calls in flight", grouped(p.judgeCallsInFlight()), false),
                new BudgetLine("lambda_concurrency_limit", Integer.toString(p.lambdaConcurrencyLimit()), true),
                new BudgetLine("lambda_batch_size (samples per invocation)", p.lambdaBatchSize()
                        + (p.batchSizeLoweredByPayload() ? " (lowered by the 6 MB payload limit)" : ""), true),
                new BudgetLine("Lambda event bytes per sample, largest", p.inputs().eventSize().measured()
                        ? grouped(p.inputs().eventSize().maxBytesPerSample()) + " (" + grouped(p.eventBytesPerInvocation())
                        + " per invocation of " + grouped(BudgetPlan.payloadBudgetBytes()) + " allowed)"
                        : "not measured (no samples)", false),
                new BudgetLine("Estimated seconds per step", fixed(p.estimatedStepSeconds()), false),
                new BudgetLine("Estimated hours for the run", fixed(p.estimatedRunHours()), false));
    }

    private static String cost(Cost cost, boolean perStep) {
        return switch (cost) {
            case Cost.Known k -> fixed(perStep ? k.perStep() : k.perRun()) + (k.example() ? " (example prices)" : "");
            case Cost.Unknown u -> "unknown: " + u.reason();
        };
    }

    private static String grouped(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
