package dev.juror.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tabular CUSUM. The reference's CUSUM vector (TV-20) is kept outside the reference file; this
 * fixture is computed by hand from the section 4.2 recursion.
 */
class TabularCusumTest {

    @Test
    void handComputedUpwardShift() {
        // target 3.0, k = 0.1, h = 0.8. C+ = max(0, x - 3.1 + C+), C- = max(0, 2.9 - x + C-)
        // x:  3.0   3.1   2.9   3.3   3.4   3.35  3.5   3.3
        // C+: 0     0     0     0.2   0.5   0.75  1.15  1.35   -> first alarm at index 6 (C+ > 0.8)
        // C-: 0     0     0     0     0     0     0     0
        double[] x = {3.0, 3.1, 2.9, 3.3, 3.4, 3.35, 3.5, 3.3};
        TabularCusum cusum = new TabularCusum(3.0, 0.1, 0.8, false);
        List<TabularCusum.Step> steps = cusum.run(x);
        double[] upper = steps.stream().mapToDouble(TabularCusum.Step::upper).toArray();
        assertThat(upper).containsExactly(new double[] {0, 0, 0, 0.2, 0.5, 0.75, 1.15, 1.35}, within(1e-12));
        assertThat(steps.stream().mapToDouble(TabularCusum.Step::lower).toArray())
                .containsExactly(new double[8], within(1e-12));
        assertThat(cusum.firstAlarm(x)).isEqualTo(6);
        assertThat(steps.get(7).upwardAlarm()).isTrue();
    }

    @Test
    void handComputedDownwardShiftWithReset() {
        // target 0.7 (pass rate), sigma 0.04 -> k = 0.02, h = 0.16. C- = max(0, 0.68 - x + C-)
        // x:  0.70  0.62  0.60  0.64  0.66
        // C-: 0     0.06  0.14  0.18 (alarm, reset to 0)  0.02
        double[] x = {0.70, 0.62, 0.60, 0.64, 0.66};
        TabularCusum cusum = new TabularCusum(0.7, 0.02, 0.16, true);
        List<TabularCusum.Step> steps = cusum.run(x);
        assertThat(steps.stream().mapToDouble(TabularCusum.Step::lower).toArray())
                .containsExactly(new double[] {0, 0.06, 0.14, 0.18, 0.02}, within(1e-12));
        assertThat(steps.get(3).downwardAlarm()).isTrue();
        assertThat(steps.get(4).alarm()).isFalse();
        TabularCusum defaults = TabularCusum.withSigma(0.7, 0.04);
        assertThat(defaults.firstAlarm(x)).isEqualTo(3);
    }

    @Test
    void inControlStreamNeverAlarms() {
        assertThat(TabularCusum.withSigma(3, 0.2).firstAlarm(new double[] {3.1, 2.9, 3.05, 2.95, 3.0, 3.1})).isEqualTo(-1);
    }
}
