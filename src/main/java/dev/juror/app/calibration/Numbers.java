package dev.juror.app.calibration;

import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.views.StatWithCi;
import java.util.Locale;

/** Table text for statistics: three decimals, an interval in brackets, a dash when undefined. */
final class Numbers {

    static final String UNDEFINED = "—";

    private Numbers() {
    }

    static String est(Estimate e) {
        return e instanceof Estimate.Defined d ? String.format(Locale.ROOT, "%.3f", d.value()) : UNDEFINED;
    }

    static String withCi(StatWithCi s) {
        if (s.ci() instanceof Interval.Bounds b && s.estimate().isDefined()) {
            return est(s.estimate()) + String.format(Locale.ROOT, " [%.2f, %.2f]", b.low(), b.high());
        }
        return est(s.estimate());
    }

    static String percent(Estimate e) {
        return e instanceof Estimate.Defined d ? String.format(Locale.ROOT, "%.0f%%", 100 * d.value()) : UNDEFINED;
    }
}
