package dev.juror.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** TV-19 of the reference (values exact by hand there; asserted to 1e-9). */
class PsiTest {

    private static final long[] BASELINE = {10, 20, 40, 20, 10};

    @Test
    void tv19a_moderateShift() {
        Psi.Result r = Psi.compute(BASELINE, new long[] {5, 15, 35, 30, 15});
        assertThat(r.terms()).containsExactly(new double[] {0.034657359028, 0.014384103623, 0.006676569631,
            0.040546510811, 0.020273255405}, within(1e-11));
        assertThat(r.value().value()).isCloseTo(0.116537798498, within(1e-11));
        assertThat(r.band()).isEqualTo(Psi.Band.MODERATE);
    }

    @Test
    void tv19b_emptyBinDominates() {
        Psi.Result r = Psi.compute(BASELINE, new long[] {0, 10, 40, 30, 20});
        assertThat(r.terms()).containsExactly(new double[] {0.690084752370, 0.069314718056, 0.0,
            0.040546510811, 0.069314718056}, within(1e-11));
        assertThat(r.value().value()).isCloseTo(0.869260699293, within(1e-11));
        assertThat(r.band()).isEqualTo(Psi.Band.MAJOR);
    }

    @Test
    void tv19c_identicalHistograms() {
        Psi.Result r = Psi.compute(BASELINE, BASELINE.clone());
        assertThat(r.value().value()).isEqualTo(0.0);
        assertThat(r.band()).isEqualTo(Psi.Band.INSIGNIFICANT);
    }

    @Test
    void emptyHistogramIsUndefined() {
        Psi.Result r = Psi.compute(BASELINE, new long[5]);
        assertThat(r.value().isDefined()).isFalse();
        assertThat(r.band()).isEqualTo(Psi.Band.UNDEFINED);
    }
}
