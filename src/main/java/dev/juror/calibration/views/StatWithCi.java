package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;

/**
 * A statistic with the interval a reader should use: BCa when it is available, otherwise the
 * percentile interval (both come from the same resamples), otherwise the reason there is none.
 */
public record StatWithCi(@JsonProperty("value") Estimate estimate, @JsonProperty("ci") Interval ci) {

    public static StatWithCi of(BootstrapResult r) {
        Interval chosen = r.bca().isAvailable() ? r.bca() : r.percentile();
        return new StatWithCi(r.estimate(), chosen);
    }

    public static StatWithCi without(Estimate e, String reason) {
        return new StatWithCi(e, new Interval.Unavailable("none", reason));
    }

    /** Lower bound, or undefined with the reason the interval is missing. */
    public Estimate lower() {
        return switch (ci) {
            case Interval.Bounds b -> Estimate.of(b.low());
            case Interval.Unavailable u -> Estimate.undefined("no interval: " + u.reason());
        };
    }

    public Estimate upper() {
        return switch (ci) {
            case Interval.Bounds b -> Estimate.of(b.high());
            case Interval.Unavailable u -> Estimate.undefined("no interval: " + u.reason());
        };
    }
}
