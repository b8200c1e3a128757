package dev.juror.calibration.verdict;

import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.views.PairwiseDimension;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.DimensionThresholds;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict conditions of {@link VerdictRules} that apply to a pairwise judge, per dimension:
 * {@code min_items} (pairs with preferences of two or more humans), {@code kappa_lower_bound} (on
 * Cohen's kappa over A / B / tie: the three values are categories, so the quadratic kappa of
 * pointwise scores does not apply), {@code human_ceiling} when required (the judge's kappa against
 * the humans minus the humans' kappa among themselves, at least {@code -human_ceiling_margin}: the
 * pairwise stand-in for leave-one-annotator-out), and {@code position_flip_rate} (the share of pairs
 * whose winner changed when the order was swapped, at most {@code max_flip_rate}: the pairwise
 * flip). Plus {@code rubric_version} for the run. The regression suite does not apply: suites hold
 * pointwise expectations.
 */
public final class PairwiseVerdictRules {

    private PairwiseVerdictRules() {
    }

    public static List<Condition> conditions(Rubric rubric, String rubricVersion, String runId, String runVersion,
                                             List<PairwiseDimension> dimensions) {
        List<Condition> conditions = new ArrayList<>();
        boolean sameVersion = rubricVersion.equals(runVersion);
        conditions.add(new Condition("rubric_version", "", sameVersion, Estimate.of(sameVersion ? 1 : 0),
                "1 (the run used version " + rubricVersion + ")", sameVersion
                ? "run " + runId + " was made with rubric version " + rubricVersion
                : "run " + runId + " was made with rubric version " + runVersion + "; re-run the judge with this rubric"));
        for (PairwiseDimension d : dimensions) {
            DimensionThresholds t = rubric.validation().forDimension(d.dimension());
            conditions.add(new Condition("min_items", d.dimension(), d.doublyCovered() >= t.minItems(),
                    Estimate.of(d.doublyCovered()), ">= " + t.minItems(),
                    d.doublyCovered() + " pairs compared by two or more humans"));
            StatWithCi kappa = d.judgeVsHumans().kappa();
            Estimate low = kappa.lower();
            conditions.add(new Condition("kappa_lower_bound", d.dimension(),
                    low.isDefined() && low.value() >= t.minKappaLowerBound(), low,
                    ">= " + VerdictRules.fmt(t.minKappaLowerBound()),
                    "kappa on A/B/tie judge vs humans on " + d.judgeVsHumans().items() + " pairs"
                            + (low.isDefined() ? "; lower bound of the " + kappa.ci().method() + " interval"
                            : ": " + ((Estimate.Undefined) low).reason())));
            if (t.requireWithinHumanCeiling()) {
                Estimate judge = d.judgeVsHumans().kappa().estimate();
                Estimate humans = d.humanVsHuman().kappa().estimate();
                Estimate diff = judge.isDefined() && humans.isDefined()
                        ? Estimate.of(judge.valueOr(0) - humans.valueOr(0))
                        : Estimate.undefined(judge.isDefined() ? "no pair compared by two humans" : "no pair compared by the judge and a human");
                conditions.add(new Condition("human_ceiling", d.dimension(),
                        diff.isDefined() && diff.value() >= -t.humanCeilingMargin(), diff,
                        ">= " + VerdictRules.fmt(-t.humanCeilingMargin()),
                        "kappa(judge, humans) - kappa(human, human)" + (diff.isDefined() ? ""
                                : ": " + ((Estimate.Undefined) diff).reason())));
            }
            var pc = d.positionConsistency();
            Estimate flip = pc.consistency().isDefined() ? Estimate.of(1 - pc.consistency().valueOr(0))
                    : Estimate.undefined("no pair was judged in both orders");
            conditions.add(new Condition("position_flip_rate", d.dimension(),
                    flip.isDefined() && flip.value() <= t.maxFlipRate(), flip, "<= " + VerdictRules.fmt(t.maxFlipRate()),
                    flip.isDefined() ? pc.inconsistent() + " of " + pc.pairs()
                            + " pairs changed winner when the order was swapped" : ((Estimate.Undefined) flip).reason()));
        }
        return conditions;
    }
}
