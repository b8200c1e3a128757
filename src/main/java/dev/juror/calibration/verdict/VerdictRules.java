package dev.juror.calibration.verdict;

import dev.juror.calibration.CalibrationReport;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.JudgeDimension;
import dev.juror.calibration.views.RunAgreement;
import dev.juror.calibration.views.StatWithCi;
import dev.juror.rubric.DimensionThresholds;
import dev.juror.rubric.Rubric;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies the rubric's validation thresholds to a calibration report for one judge run. Per
 * dimension: at least {@code min_items} doubly-labelled items; the lower bound of the quadratic
 * kappa interval (judge vs humans) at least {@code min_kappa_lower_bound}; when required, the
 * leave-one-annotator-out mean difference at least {@code -human_ceiling_margin}; the flip rate
 * across repeats at most {@code max_flip_rate}. For the judge: the run was made under this rubric
 * version, and when required a passing regression suite run for the same rubric version and judge
 * model. Anything that could not be measured fails, saying why.
 */
public final class VerdictRules {

    private VerdictRules() {
    }

    public static Verdict decide(Rubric rubric, String rubricVersion, CalibrationReport report, String runId,
                                 Optional<RegressionEvidence> regression, Clock clock) {
        RunAgreement run = report.runs().stream().filter(r -> r.id().equals(runId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " is not in the calibration report"));
        List<Condition> conditions = new ArrayList<>();
        boolean sameVersion = run.rubricVersion().equals(rubricVersion);
        conditions.add(new Condition("rubric_version", "", sameVersion, Estimate.of(sameVersion ? 1 : 0),
                "1 (the run used version " + rubricVersion + ")", sameVersion ? "run " + runId + " was made with rubric version " + rubricVersion
                : "run " + runId + " was made with rubric version " + blank(run.rubricVersion())
                + "; re-run the judge with this rubric"));
        for (DimensionCalibration d : report.dimensions()) {
            DimensionThresholds t = rubric.validation().forDimension(d.dimension());
            JudgeDimension j = d.judge(runId).orElseThrow();
            int doubly = d.humanCeiling().doublyCovered();
            conditions.add(new Condition("min_items", d.dimension(), doubly >= t.minItems(), Estimate.of(doubly),
                    ">= " + t.minItems(), doubly + " items labelled by two or more humans"));
            StatWithCi qwk = j.vsHumans().kappaQuadratic();
            Estimate low = qwk.lower();
            conditions.add(new Condition("kappa_lower_bound", d.dimension(),
                    low.isDefined() && low.value() >= t.minKappaLowerBound(), low, ">= " + fmt(t.minKappaLowerBound()),
                    "quadratic kappa judge vs humans " + show(qwk.estimate()) + " on " + j.vsHumans().items()
                            + " items; " + (low.isDefined() ? "lower bound of the " + qwk.ci().method() + " interval"
                            : ((Estimate.Undefined) low).reason())));
            if (t.requireWithinHumanCeiling()) {
                StatWithCi diff = j.loao().meanDifference();
                Estimate e = diff.estimate();
                conditions.add(new Condition("human_ceiling", d.dimension(),
                        e.isDefined() && e.value() >= -t.humanCeilingMargin(), e, ">= " + fmt(-t.humanCeilingMargin()),
                        "mean over held-out labellers of kappa(judge, others) - kappa(held-out, others) on "
                                + j.loao().items() + " items" + (e.isDefined() ? ""
                                : ": " + ((Estimate.Undefined) e).reason())));
            }
            Estimate flip = j.consistency().flipRate();
            conditions.add(new Condition("flip_rate", d.dimension(),
                    flip.isDefined() && flip.value() <= t.maxFlipRate(), flip, "<= " + fmt(t.maxFlipRate()),
                    flip.isDefined() ? j.consistency().unstableCount() + " of " + j.consistency().items()
                            + " items changed score across " + j.consistency().repeats() + " repeats"
                            : ((Estimate.Undefined) flip).reason()));
        }
        if (rubric.validation().requireRegressionPass()) {
            conditions.add(regressionCondition(rubricVersion, run.judgeModel(), regression));
        }
        boolean all = conditions.stream().allMatch(Condition::passed);
        return new Verdict(all ? Verdict.Status.VALIDATED : Verdict.Status.NOT_VALIDATED, rubric.name(), rubricVersion,
                run.judgeModel(), runId, clock.instant(), conditions);
    }

    private static Condition regressionCondition(String rubricVersion, String judgeModel,
                                                 Optional<RegressionEvidence> regression) {
        if (regression.isEmpty()) {
            return new Condition("regression_suite", "", false, Estimate.undefined("no suite run"), "all cases pass",
                    "no regression suite result for rubric version " + rubricVersion + " and judge model "
                            + blank(judgeModel) + "; run juror regress");
        }
        RegressionEvidence r = regression.get();
        boolean matches = r.rubricVersion().equals(rubricVersion);
        return new Condition("regression_suite", "", matches && r.passed(), Estimate.of(r.failed()),
                "0 failed cases", r.suite() + ": " + (r.cases() - r.failed()) + " of " + r.cases() + " cases passed"
                + (matches ? "" : " but under rubric version " + r.rubricVersion()));
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "(unknown)" : s;
    }

    private static String show(Estimate e) {
        return e instanceof Estimate.Defined d ? fmt(d.value()) : "undefined (" + ((Estimate.Undefined) e).reason() + ")";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
