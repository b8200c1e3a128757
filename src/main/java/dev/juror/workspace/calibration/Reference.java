package dev.juror.workspace.calibration;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the judge is measured against ({@code calibrate --reference}): every labeller's label as it
 * is ({@code each}), one consensus score per item (the labellers' median), or the adjudicated score
 * where there is one ({@code adjudicated}; the labellers' common score where they all agree; items
 * they disagree on that nobody adjudicated are left out and counted). The human ceiling is always
 * measured on each labeller's labels.
 */
public enum Reference {
    EACH, CONSENSUS, ADJUDICATED;

    /** The name the command line and the reports use: {@code each}, {@code consensus}, {@code adjudicated}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code each|consensus|adjudicated}; the message names the choices. */
    public static Reference parse(String text) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("--reference " + text
                        + ": choose each, consensus or adjudicated"));
    }
}
