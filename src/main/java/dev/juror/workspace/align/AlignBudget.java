package dev.juror.workspace.align;

import dev.juror.align.AlignInputException;
import dev.juror.export.JudgeRunCost;
import dev.juror.rubric.RubricException;
import dev.juror.store.Workspace;
import dev.juror.workspace.judging.JudgeRunEstimate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The cost of a round, estimated before any call and checked against the caps: every candidate once on
 * the validation samples, and the dearest candidate once on the test samples (the chosen one is not
 * known yet). Token counts and prices are {@code juror estimate}'s.
 *
 * @param maxCalls most judge calls the round may make
 * @param maxCost  most estimated cost, in the price table's currency; empty for no cost cap
 */
public record AlignBudget(long maxCalls, OptionalDouble maxCost) {

    /** What the round would cost: calls, and the cost when every candidate's price is known. */
    record Planned(long calls, Optional<Double> cost, String currency, String basis) {

        /** The plan with the proposal calls already made counted in (their cost is reported, not estimated). */
        Planned withProposalCalls(long proposalCalls) {
            return new Planned(calls + proposalCalls, cost, currency, basis);
        }
    }

    Planned plan(Workspace workspace, String model, List<String> candidateYamls, List<String> validation,
                 List<String> test) {
        JudgeRunEstimate estimator = new JudgeRunEstimate(workspace);
        long calls = 0;
        double cost = 0;
        boolean known = true;
        String currency = "";
        String unknown = "";
        long testCalls = 0;
        double testCost = 0;
        for (String yaml : candidateYamls) {
            JudgeRunEstimate.Estimate v = estimate(estimator, yaml, model, validation);
            JudgeRunEstimate.Estimate t = estimate(estimator, yaml, model, test);
            calls += v.calls();
            testCalls = Math.max(testCalls, t.calls());
            currency = v.currency();
            if (v.cost().onDemand() instanceof JudgeRunCost.Amount.Known kv
                    && t.cost().onDemand() instanceof JudgeRunCost.Amount.Known kt) {
                cost += kv.total();
                testCost = Math.max(testCost, kt.total());
            } else {
                known = false;
                unknown = v.cost().onDemand() instanceof JudgeRunCost.Amount.Unknown u ? u.reason() : "unknown";
            }
        }
        long total = calls + testCalls;
        return new Planned(total, known ? Optional.of(cost + testCost) : Optional.empty(), currency,
                known ? "" : unknown);
    }

    /** @throws AlignInputException naming {@code budget} when the plan exceeds a cap */
    void check(Planned planned) {
        check(planned, "nothing was sent");
    }

    /** As {@link #check(Planned)}, saying what was already sent when the check comes after the proposals. */
    void check(Planned planned, String sent) {
        if (planned.calls() > maxCalls) {
            throw new AlignInputException("budget", "the round needs " + planned.calls() + " calls (the proposed"
                    + " edits', every candidate on the validation split, the chosen one on the test split), over the cap of "
                    + maxCalls + " (--max-calls); " + sent + ". Raise the cap or give fewer candidates");
        }
        if (maxCost.isPresent()) {
            if (planned.cost().isEmpty()) {
                throw new AlignInputException("budget", "--max-cost " + maxCost.getAsDouble() + " cannot be checked: the"
                        + " cost is " + planned.basis() + "; " + sent);
            }
            if (planned.cost().get() > maxCost.getAsDouble()) {
                throw new AlignInputException("budget", String.format(java.util.Locale.ROOT, "the round is estimated at"
                        + " %.4f %s, over the cap of %.4f (--max-cost); " + sent, planned.cost().get(),
                        planned.currency(), maxCost.getAsDouble()));
            }
        }
    }

    private static JudgeRunEstimate.Estimate estimate(JudgeRunEstimate estimator, String yaml, String model,
                                                      List<String> samples) {
        try {
            return estimator.estimate(new JudgeRunEstimate.Request(yaml, "candidate", model, samples, 1,
                    OptionalInt.empty(), Optional.empty()));
        } catch (RubricException e) {
            throw new IllegalStateException("a checked candidate does not read: " + e.getMessage(), e);
        }
    }
}
