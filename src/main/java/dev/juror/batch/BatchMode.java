package dev.juror.batch;

import java.util.Locale;

/**
 * How a run's calls reach the judge model: one Converse call at a time ({@link #ONLINE}), as one
 * Bedrock batch inference job ({@link #BATCH}: about half the price, hours instead of minutes, at least
 * 100 records), or batch when the run is large enough and on demand otherwise ({@link #AUTO}).
 */
public enum BatchMode {
    ONLINE, BATCH, AUTO;

    /** @throws IllegalArgumentException naming the accepted words */
    public static BatchMode parse(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "online", "on-demand", "ondemand" -> ONLINE;
            case "batch" -> BATCH;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not a mode; use online, batch or auto");
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
