package dev.juror.cli;

import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.views.StatWithCi;
import java.util.Locale;

/** Plain-text formatting of estimates for command output. */
final class Text {

    private Text() {
    }

    static String est(Estimate e) {
        return e instanceof Estimate.Defined d ? String.format(Locale.ROOT, "%.3f", d.value())
                : "undefined (" + ((Estimate.Undefined) e).reason() + ")";
    }

    static String withCi(StatWithCi s) {
        if (s.ci() instanceof Interval.Bounds b) {
            return est(s.estimate()) + String.format(Locale.ROOT, " [%.3f, %.3f]", b.low(), b.high());
        }
        return est(s.estimate());
    }
}
