package dev.juror.calibration.stats;

/**
 * Rogan-Gladen correction of a judge's pass rate (Lee et al., arXiv 2511.21140; reference 1.8):
 * with sensitivity q1 and specificity q0 measured on a human-labelled calibration set (m1 truly
 * passing, m0 truly failing items) and the judge's raw pass rate p on n other items,
 * theta = (p + q0 - 1) / (q0 + q1 - 1), defined only when q0 + q1 &gt; 1 (a judge better than
 * chance). Variance by the delta method:
 * [p(1-p)/n + (1-theta)^2 q0(1-q0)/m0 + theta^2 q1(1-q1)/m1] / (q0+q1-1)^2.
 * The variance uses the unclamped theta; the reported estimate is clamped to [0,1] with a note.
 */
public final class PassRateCorrection {

    private PassRateCorrection() {
    }

    public static CorrectedPassRate correct(double judgedPassRate, long testItems, double specificity,
            double sensitivity, long referenceFail, long referencePass, double level) {
        if (!(judgedPassRate >= 0 && judgedPassRate <= 1)) {
            throw new IllegalArgumentException("judged pass rate must be in [0,1], got " + judgedPassRate);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0,1), got " + level);
        }
        double youden = specificity + sensitivity - 1;
        if (!(youden > 0)) {
            return CorrectedPassRate.undefined(judgedPassRate,
                    "sensitivity + specificity <= 1: the judge is no better than chance, its pass rate cannot be corrected");
        }
        double theta = (judgedPassRate + specificity - 1) / youden;
        String note = "";
        double clamped = theta;
        if (theta < 0) {
            clamped = 0;
            note = "corrected pass rate " + theta + " was below 0 and is reported as 0";
        } else if (theta > 1) {
            clamped = 1;
            note = "corrected pass rate " + theta + " was above 1 and is reported as 1";
        }
        Estimate se;
        Estimate low;
        Estimate high;
        if (testItems < 1 || referenceFail < 1 || referencePass < 1) {
            Estimate u = Estimate.undefined("standard error needs at least one test item and one passed and one failed calibration item");
            se = u;
            low = u;
            high = u;
        } else {
            double variance = (judgedPassRate * (1 - judgedPassRate) / testItems
                    + (1 - theta) * (1 - theta) * specificity * (1 - specificity) / referenceFail
                    + theta * theta * sensitivity * (1 - sensitivity) / referencePass) / (youden * youden);
            double s = Math.sqrt(variance);
            double z = Normal.quantile(0.5 + level / 2);
            se = Estimate.of(s);
            low = Estimate.of(Math.max(0, Math.min(1, clamped - z * s)));
            high = Estimate.of(Math.max(0, Math.min(1, clamped + z * s)));
        }
        return new CorrectedPassRate(judgedPassRate, Estimate.of(theta), Estimate.of(clamped), se, low, high, note);
    }
}
