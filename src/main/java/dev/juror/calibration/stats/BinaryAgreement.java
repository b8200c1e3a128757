package dev.juror.calibration.stats;

/**
 * Pass/fail agreement of rater A (judge) against rater B (reference), pass being the higher
 * category of a two-category scale.
 *
 * @param tpr            sensitivity q1 = P(A pass | B pass)
 * @param tnr            specificity q0 = P(A fail | B fail)
 * @param precision      P(B pass | A pass)
 * @param referencePass  m1: items B passed (the sample size behind tpr)
 * @param referenceFail  m0: items B failed (the sample size behind tnr)
 */
public record BinaryAgreement(Estimate tpr, Estimate tnr, Estimate precision, long referencePass,
        long referenceFail) {

    /**
     * Corrects the judge's raw pass rate on other (unlabelled) items with this sensitivity and
     * specificity (Rogan-Gladen, reference section 1.8).
     *
     * @param judgedPassRate share of the {@code testItems} the judge passed
     * @param testItems      how many items that rate was measured on
     * @param level          confidence level of the normal-approximation interval, e.g. 0.95
     */
    public CorrectedPassRate correctPassRate(double judgedPassRate, long testItems, double level) {
        if (!(tpr instanceof Estimate.Defined q1) || !(tnr instanceof Estimate.Defined q0)) {
            return CorrectedPassRate.undefined(judgedPassRate,
                    "sensitivity or specificity undefined: the calibration set needs both passed and failed items");
        }
        return PassRateCorrection.correct(judgedPassRate, testItems, q0.value(), q1.value(),
                referenceFail, referencePass, level);
    }
}
