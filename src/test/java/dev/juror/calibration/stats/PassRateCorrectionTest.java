package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Rogan-Gladen pass-rate correction (reference 1.8). The reference's worked example TV-18 is kept
 * outside the reference file, so the values here are derived by hand from the 1.8 formulas.
 */
class PassRateCorrectionTest {

    @Test
    void handWorkedExample() {
        // q1 = 0.9 (sensitivity, m1 = 100), q0 = 0.8 (specificity, m0 = 100), raw pass rate 0.6 on n = 1000.
        // theta = (0.6 + 0.8 - 1) / (0.8 + 0.9 - 1) = 0.4 / 0.7 = 4/7 = 0.5714285714
        // Var = [0.6*0.4/1000 + (3/7)^2 * 0.8*0.2/100 + (4/7)^2 * 0.9*0.1/100] / 0.49
        //     = [0.00024 + 0.000293877551 + 0.000293877551] / 0.49 = 0.000827755102 / 0.49 = 0.00168929613
        // SE = 0.0411010478 ; 95% interval 4/7 -+ 1.959963985 * SE = [0.490872, 0.651985]
        CorrectedPassRate r = PassRateCorrection.correct(0.6, 1000, 0.8, 0.9, 100, 100, 0.95);
        assertThat(r.corrected().value()).isCloseTo(4.0 / 7, within(1e-12));
        double variance = (0.6 * 0.4 / 1000 + Math.pow(3.0 / 7, 2) * 0.16 / 100 + Math.pow(4.0 / 7, 2) * 0.09 / 100) / 0.49;
        assertThat(r.standardError().value()).isCloseTo(Math.sqrt(variance), within(1e-15));
        assertThat(r.standardError().value()).isCloseTo(0.0411010478, within(1e-9));
        assertThat(r.low().value()).isCloseTo(0.490872, within(1e-6));
        assertThat(r.high().value()).isCloseTo(0.651985, within(1e-6));
        assertThat(r.wasClamped()).isFalse();
    }

    @Test
    void outsideTheUnitIntervalIsClampedWithANote() {
        // raw 0.1 with q0 = 0.8: (0.1 + 0.8 - 1) / 0.7 = -1/7 -> reported 0
        CorrectedPassRate r = PassRateCorrection.correct(0.1, 500, 0.8, 0.9, 50, 50, 0.95);
        assertThat(r.unclamped().value()).isCloseTo(-1.0 / 7, within(1e-12));
        assertThat(r.corrected().value()).isEqualTo(0.0);
        assertThat(r.note()).contains("below 0");
        assertThat(r.low().value()).isEqualTo(0.0);
        CorrectedPassRate high = PassRateCorrection.correct(0.99, 500, 0.8, 0.9, 50, 50, 0.95);
        assertThat(high.corrected().value()).isEqualTo(1.0);
        assertThat(high.note()).contains("above 1");
    }

    @Test
    void chanceLevelJudgeCannotBeCorrected() {
        CorrectedPassRate r = PassRateCorrection.correct(0.5, 100, 0.5, 0.5, 10, 10, 0.95);
        assertThat(r.corrected()).isInstanceOf(Estimate.Undefined.class);
        assertThat(((Estimate.Undefined) r.corrected()).reason()).contains("no better than chance");
    }

    @Test
    void fromTwoRaterBinaryResult() {
        // judge vs human: TP 45, FN 5 (q1 = 0.9), FP 10, TN 40 (q0 = 0.8); rows judge, cols human, 0 = fail
        TwoRaterResult cal = TwoRaterAgreement.fromCellCounts(new int[] {40, 5, 10, 45}, ScoreRange.binary());
        BinaryAgreement b = cal.binary().orElseThrow();
        assertThat(b.tpr().value()).isCloseTo(0.9, within(1e-12));
        assertThat(b.tnr().value()).isCloseTo(0.8, within(1e-12));
        assertThat(b.referencePass()).isEqualTo(50);
        assertThat(b.referenceFail()).isEqualTo(50);
        CorrectedPassRate r = b.correctPassRate(0.6, 1000, 0.95);
        assertThat(r.corrected().value()).isCloseTo(4.0 / 7, within(1e-12));
        // on the calibration set itself the correction returns the human pass rate exactly
        CorrectedPassRate self = b.correctPassRate(55 / 100.0, 100, 0.95);
        assertThat(self.corrected().value()).isCloseTo(0.5, within(1e-12));
    }
}
