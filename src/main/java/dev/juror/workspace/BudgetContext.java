package dev.juror.workspace;

import dev.juror.export.EventSize;
import dev.juror.export.JudgeUsage;
import dev.juror.export.PriceTables;
import java.util.Objects;

/**
 * What the budget planner reads from the workspace (or the files given instead).
 *
 * @param usage     tokens (and latency) per judge call: measured in the workspace's judge runs, else estimated
 * @param prices    the price table, and whether loading it wrote the workspace's {@code prices.yaml}
 * @param eventSize Lambda event bytes per sample of every sample
 */
public record BudgetContext(JudgeUsage usage, PriceTables.Loaded prices, EventSize eventSize) {

    public BudgetContext {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(eventSize, "eventSize");
    }
}
