package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.TwoRaterResult;
import java.util.Map;

/**
 * Two-rater agreement over a set of items, every statistic with its interval.
 *
 * @param items items that contributed at least one pair (the bootstrap unit)
 * @param pairs score pairs (an item may contribute several)
 * @param stats statistics by JSON name ({@code kappa_quadratic}, {@code exact}, ...)
 */
public record Agreement(@JsonProperty("n_items") int items, @JsonProperty("n_pairs") int pairs,
                        @JsonProperty("statistics") Map<String, StatWithCi> stats) {

    public StatWithCi stat(String name) {
        StatWithCi s = stats.get(name);
        return s != null ? s : StatWithCi.without(Estimate.undefined("statistic " + name + " not computed"), "");
    }

    public StatWithCi kappaQuadratic() {
        return stat(TwoRaterResult.KAPPA_QUADRATIC);
    }
}
