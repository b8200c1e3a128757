package dev.juror.app.judge;

import dev.juror.export.JudgeRunCost;
import dev.juror.workspace.judging.JudgeRunEstimate;
import java.util.Locale;

/**
 * The run form's cost preview in words, from a {@link JudgeRunEstimate.Estimate}: calls, tokens per
 * call, the on-demand and the batch price side by side, and, when a batch job is chosen and the run is
 * smaller than a job takes, the 100-record line.
 */
final class CostPreviewText {

    private CostPreviewText() {
    }

    /**
     * "88 calls, about 2,950 input and 450 output tokens each: on demand 14.09 USD, batch 7.05 USD (example
     * prices)", then the batch minimum line when it applies.
     *
     * @param provider the form's provider: the heuristic and replay judges call no model and cost nothing
     */
    static String of(JudgeRunEstimate.Estimate e, String provider, CallMode mode) {
        String calls = String.format(Locale.ROOT, "%,d call%s", e.calls(), e.calls() == 1 ? "" : "s");
        if ("heuristic".equals(provider) || "replay".equals(provider)) {
            return calls + "; the " + provider + " judge calls no model: no cost.";
        }
        JudgeRunCost cost = e.cost();
        String line = String.format(Locale.ROOT, "%s, about %,.0f input and %,.0f output tokens each: %s", calls,
                e.inputTokensPerCall(), e.outputTokensPerCall(), prices(cost, e.currency()));
        if (mode == CallMode.BATCH && !cost.meetsBatchMinimum()) {
            line += "\n" + capitalised(e.batchMinimumLine()) + ".";
        } else if (mode == CallMode.AUTO && !cost.meetsBatchMinimum()) {
            line += "\nAuto: below the " + JudgeRunCost.BATCH_MINIMUM_RECORDS + " records a batch job takes, this run"
                    + " goes on demand.";
        }
        return line;
    }

    private static String prices(JudgeRunCost cost, String currency) {
        if (cost.onDemand() instanceof JudgeRunCost.Amount.Unknown unknown) {
            return "price " + unknown.reason();
        }
        String text = "on demand " + amount(cost.onDemand(), currency) + ", batch " + amount(cost.batch(), currency);
        return text + (cost.examplePrices() ? " (example prices)" : "");
    }

    private static String amount(JudgeRunCost.Amount amount, String currency) {
        return switch (amount) {
            case JudgeRunCost.Amount.Known k -> String.format(Locale.ROOT, "%,.2f %s", k.total(), currency);
            case JudgeRunCost.Amount.Unknown u -> u.reason();
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
