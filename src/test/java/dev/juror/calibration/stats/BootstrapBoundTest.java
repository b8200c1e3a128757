package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue #18 §6: the number of bootstrap resamples is bounded where it is configured, for every caller. */
class BootstrapBoundTest {

    @Test
    void resamplesAreBoundedAtOneHundredThousand() {
        assertThat(BootstrapConfig.defaults(1).withResamples(BootstrapConfig.MAX_RESAMPLES).resamples())
                .isEqualTo(100_000);
        assertThatThrownBy(() -> BootstrapConfig.defaults(1).withResamples(2_000_000_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resamples must be between 1 and 100,000 resamples (2,000 is plenty for a 95 % interval),"
                        + " got 2000000000");
        assertThatThrownBy(() -> BootstrapConfig.defaults(1).withResamples(100_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapConfig.defaults(1).withResamples(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
