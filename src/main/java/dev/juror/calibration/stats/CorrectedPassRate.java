package dev.juror.calibration.stats;

/**
 * A judge's pass rate corrected for its measured sensitivity and specificity.
 *
 * @param judgedPassRate the raw share of items the judge passed
 * @param unclamped      Rogan-Gladen estimate before clamping (may lie outside [0,1])
 * @param corrected      the estimate clamped to [0,1] for reporting
 * @param standardError  delta-method standard error (reference section 1.8)
 * @param low            lower bound of the normal-approximation interval, clipped to [0,1]
 * @param high           upper bound, clipped to [0,1]
 * @param note           why the estimate was clamped, or empty
 */
public record CorrectedPassRate(double judgedPassRate, Estimate unclamped, Estimate corrected,
        Estimate standardError, Estimate low, Estimate high, String note) {

    static CorrectedPassRate undefined(double judgedPassRate, String reason) {
        Estimate u = Estimate.undefined(reason);
        return new CorrectedPassRate(judgedPassRate, u, u, u, u, u, "");
    }

    public boolean wasClamped() {
        return !note.isEmpty();
    }
}
