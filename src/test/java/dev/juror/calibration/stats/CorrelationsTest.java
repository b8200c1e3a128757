package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** TV-15 (library-asserted correlation examples) and the TV-16 correlation degenerate cases. */
class CorrelationsTest {

    // SciPy and Commons Math agree to ~1e-15 on these; allow a few ulps of summation-order noise.
    private static final double TIGHT = 1e-13;

    @Test
    void tv15_scipyKendallTauB() {
        double[] x = {12, 2, 1, 12, 2};
        double[] y = {1, 4, 7, 1, 0};
        assertThat(Correlations.kendallTauB(x, y).value()).isCloseTo(-0.47140452079103173, within(TIGHT));
        // same integers through the contingency-table path
        TwoRaterResult r = TwoRaterAgreement.compute(new int[] {12, 2, 1, 12, 2}, new int[] {1, 4, 7, 1, 0},
                new ScoreRange(0, 12));
        assertThat(r.kendallTauB().value()).isCloseTo(-0.47140452079103173, within(TIGHT));
    }

    @Test
    void tv15_scipySpearman() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {5, 6, 7, 8, 7};
        assertThat(Correlations.spearman(x, y).value()).isCloseTo(0.8207826816681233, within(TIGHT));
        TwoRaterResult r = TwoRaterAgreement.compute(new int[] {1, 2, 3, 4, 5}, new int[] {5, 6, 7, 8, 7},
                new ScoreRange(1, 8));
        assertThat(r.spearman().value()).isCloseTo(0.8207826816681233, within(TIGHT));
    }

    @Test
    void tv15_scipyPearson() {
        assertThat(Correlations.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {10, 9, 2.5, 6, 4}).value())
                .isCloseTo(-0.7426106572325056, within(TIGHT));
    }

    @Test
    void tv15_commonsMathKendallCases() {
        assertThat(Correlations.kendallTauB(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}).value())
                .isCloseTo(4.0 / 6, within(TIGHT));
        assertThat(Correlations.kendallTauB(new double[] {1, 2, 3, 4}, new double[] {1, 4, 3, 2}).value())
                .isCloseTo(0.0, within(TIGHT));
        double[] tied = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
        assertThat(Correlations.kendallTauB(tied, tied).value()).isCloseTo(1.0, within(TIGHT));
        assertThat(Correlations.kendallTauB(new double[] {2, 1}, new double[] {1, 2}).value()).isEqualTo(-1.0);
        // "all ties -> NaN" and "single element -> NaN" in Commons Math: undefined here
        assertThat(Correlations.kendallTauB(new double[] {1, 1, 1}, new double[] {1, 2, 3}).isDefined()).isFalse();
        assertThat(Correlations.kendallTauB(new double[] {1, 2, 3}, new double[] {5, 5, 5}).isDefined()).isFalse();
        assertThat(Correlations.kendallTauB(new double[] {1}, new double[] {1}).isDefined()).isFalse();
    }

    @Test
    void tv16_constantOrTooShortVectorsAreUndefined() {
        double[] constant = {3, 3, 3, 3};
        double[] varying = {1, 2, 3, 4};
        assertThat(Correlations.pearson(constant, varying).isDefined()).isFalse();
        assertThat(Correlations.spearman(varying, constant).isDefined()).isFalse();
        assertThat(Correlations.pearson(new double[] {1}, new double[] {2})).isInstanceOf(Estimate.Undefined.class);
        assertThat(((Estimate.Undefined) Correlations.pearson(new double[] {1}, new double[] {2})).reason())
                .contains("at least 2");
    }

    @Test
    void spearmanWithTiesIsNotTheTextbookShortcut() {
        // Average ranks of x = (1,1,2): (1.5,1.5,3); y = (1,2,3). Pearson of the ranks:
        // dx = (-0.5,-0.5,1), dy = (-1,0,1): sxy = 1.5, sxx = 1.5, syy = 2 -> 1.5/sqrt(3) = 0.8660254
        // The shortcut 1 - 6 sum d^2 / (n(n^2-1)) with d = (0.5,-0.5,0) gives 1 - 3/24 = 0.875.
        assertThat(Correlations.spearman(new double[] {1, 1, 2}, new double[] {1, 2, 3}).value())
                .isCloseTo(1.5 / Math.sqrt(3), within(1e-15));
    }

    @Test
    void averageRanksShareTiedPositions() {
        assertThat(Correlations.averageRanks(new double[] {10, 20, 10, 30, 20, 20}))
                .containsExactly(1.5, 4.0, 1.5, 6.0, 4.0, 4.0);
    }
}
