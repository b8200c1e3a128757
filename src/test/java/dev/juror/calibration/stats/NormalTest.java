package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void knownQuantiles() {
        // textbook values (e.g. Abramowitz & Stegun table 26.5; R qnorm)
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
        assertThat(Normal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-14));
        assertThat(Normal.quantile(0.999)).isCloseTo(3.090232306167813, within(1e-13));
        assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(Normal.quantile(0)).isInfinite();
    }

    @Test
    void knownCdfValues() {
        // R pnorm / Python math.erf based values
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301035, within(1e-15));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517796, within(1e-14));
        assertThat(Normal.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-14));
        assertThat(Normal.cdf(-1.5)).isCloseTo(0.06680720126885809, within(1e-14));
    }

    @Test
    void cdfInvertsTheQuantileAcrossTheRange() {
        // two independent algorithms (Hart/West cdf, Wichura AS241 quantile) must agree
        for (double p = 1e-6; p < 1; p += 0.0137) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(1e-13 + 1e-12 * p));
        }
    }
}
