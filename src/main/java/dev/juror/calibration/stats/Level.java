package dev.juror.calibration.stats;

import java.util.Locale;

/** Level of measurement of Krippendorff's alpha: which difference function delta^2 it uses. */
public enum Level {
    /** 0 if equal else 1. */
    NOMINAL,
    /** Squared distance in pairable-value frequencies between the two categories (Krippendorff 2011). */
    ORDINAL,
    /** (c - k)^2 on the score values. */
    INTERVAL,
    /** ((c - k) / (c + k))^2 on the score values. */
    RATIO;

    /** Parses "nominal", "ordinal", "interval" or "ratio" (any case). */
    public static Level parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("level '" + text + "' is not one of nominal, ordinal, interval, ratio");
        }
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
