package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** jqwik properties of {@link LengthBand} (kept apart from the JUnit class so reports do not collide). */
class LengthBandProperties {

    @Property
    void factorStaysInUnitIntervalAndIsOneInsideTheBand(@ForAll @IntRange(min = 0, max = 10_000) int length,
                                                       @ForAll @IntRange(min = 0, max = 50) int hardMin,
                                                       @ForAll @IntRange(min = 0, max = 50) int gap) {
        LengthBand band = new LengthBand(LengthBand.Unit.WORDS, hardMin, hardMin + gap, hardMin + gap + 100,
                hardMin + 2 * gap + 100);
        double factor = band.factor(length);
        assertThat(factor).isBetween(0.0, 1.0);
        if (length >= band.min() && length <= band.max()) {
            assertThat(factor).isEqualTo(1.0);
        }
    }
}
