package dev.juror.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validation gate: default per-dimension thresholds, overrides for named dimensions, and
 * whether the regression suite must pass.
 */
public record ValidationThresholds(DimensionThresholds defaults, Map<String, DimensionThresholds> perDimension,
                                   boolean requireRegressionPass) {

    public static final ValidationThresholds DEFAULT =
            new ValidationThresholds(DimensionThresholds.DEFAULT, Map.of(), true);

    public ValidationThresholds {
        perDimension = Collections.unmodifiableMap(new LinkedHashMap<>(perDimension));
    }

    /** The thresholds that apply to one dimension: its override, else the defaults. */
    public DimensionThresholds forDimension(String dimension) {
        return perDimension.getOrDefault(dimension, defaults);
    }
}
