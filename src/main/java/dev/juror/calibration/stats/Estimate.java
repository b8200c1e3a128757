package dev.juror.calibration.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a statistic that may be undefined on the data at hand (one category used, constant
 * scores, fewer than two items...). Undefined carries the reason, so callers never meet a NaN, a
 * silent 0 or 1, or an exception for degenerate input. In JSON a defined estimate is a plain number
 * and an undefined one is {@code {"undefined": "reason"}}.
 */
public sealed interface Estimate permits Estimate.Defined, Estimate.Undefined {

    /** A finite value. */
    record Defined(double value) implements Estimate {
        public Defined {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a defined estimate must be finite, got " + value);
            }
        }

        @JsonValue
        public double json() {
            return value;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** No value, and why. */
    record Undefined(String reason) implements Estimate {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
        }

        @JsonValue
        public Map<String, String> json() {
            return Map.of("undefined", reason);
        }

        @Override
        public String toString() {
            return "undefined (" + reason + ")";
        }
    }

    static Estimate of(double value) {
        return new Defined(value);
    }

    static Estimate undefined(String reason) {
        return new Undefined(reason);
    }

    /** {@code value} when it is finite, otherwise undefined with {@code reasonIfNotFinite}. */
    static Estimate ofFinite(double value, String reasonIfNotFinite) {
        return Double.isFinite(value) ? new Defined(value) : new Undefined(reasonIfNotFinite);
    }

    default boolean isDefined() {
        return this instanceof Defined;
    }

    /** The value, or {@code fallback} when undefined (for plotting and sorting, not for reporting). */
    default double valueOr(double fallback) {
        return this instanceof Defined d ? d.value() : fallback;
    }

    /** The value; throws {@link IllegalStateException} with the reason when undefined. */
    default double value() {
        return switch (this) {
            case Defined d -> d.value();
            case Undefined u -> throw new IllegalStateException("statistic is undefined: " + u.reason());
        };
    }
}
