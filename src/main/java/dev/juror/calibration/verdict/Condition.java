package dev.juror.calibration.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.Estimate;

/**
 * One condition of the verdict with its numbers.
 *
 * @param name      {@code min_items}, {@code kappa_lower_bound}, {@code human_ceiling}, {@code flip_rate},
 *                  {@code regression_suite}, {@code rubric_version}
 * @param dimension the dimension it applies to, or {@code ""} for the whole judge
 * @param actual    the measured value (undefined when it could not be measured: the condition fails)
 * @param required  the threshold, as text ({@code ">= 0.6"})
 * @param detail    one sentence for the reader: what was measured on how many items, or why it is missing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Condition(String name, String dimension, boolean passed, Estimate actual, String required,
                        String detail) {

    @JsonProperty("summary")
    public String summary() {
        String where = dimension.isEmpty() ? "" : dimension + ": ";
        String value = actual instanceof Estimate.Defined d ? format(d.value()) : "not measured";
        return (passed ? "PASS " : "FAIL ") + where + name + " = " + value + " (required " + required + "); " + detail;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
