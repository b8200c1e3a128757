package dev.juror.calibration.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bootstrap confidence interval, or why there is none. */
public sealed interface Interval permits Interval.Bounds, Interval.Unavailable {

    String PERCENTILE = "percentile";
    String BCA = "bca";

    String method();

    /**
     * @param undefinedResamples resamples dropped because the statistic was undefined on them
     */
    record Bounds(double low, double high, String method, double level, int resamples, int undefinedResamples)
            implements Interval {
        @JsonValue
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", low);
            m.put("high", high);
            m.put("method", method);
            m.put("level", level);
            m.put("resamples", resamples);
            m.put("undefined_resamples", undefinedResamples);
            return m;
        }

        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    record Unavailable(String method, String reason) implements Interval {
        @JsonValue
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("undefined", reason);
            m.put("method", method);
            return m;
        }
    }

    default boolean isAvailable() {
        return this instanceof Bounds;
    }
}
