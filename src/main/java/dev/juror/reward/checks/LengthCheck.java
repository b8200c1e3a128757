package dev.juror.reward.checks;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Length of a response against a {@link LengthBand}, plus a repetition measure (the response
 * repeated 128 times, calibration-stats §5.4 SEC-05 V3). Metrics: {@code chars} (code points),
 * {@code words} (whitespace-separated tokens), {@code length_factor} in [0, 1],
 * {@code distinct_shingle_ratio} (distinct 8-word sequences / all 8-word sequences; 1 when there
 * are fewer than {@link #REPETITION_MIN_SHINGLES}).
 */
public final class LengthCheck {

    public static final String CHECK_NAME = "length";
    static final int SHINGLE = 8;
    static final int REPETITION_MIN_SHINGLES = 40;
    static final double REPETITION_THRESHOLD = 0.5;

    private final LengthBand band;

    public LengthCheck(LengthBand band) {
        if (band == null) {
            throw new IllegalArgumentException("length band is required");
        }
        this.band = band;
    }

    public CheckResult check(String text) {
        String s = text == null ? "" : text;
        int chars = s.codePointCount(0, s.length());
        String[] words = s.isBlank() ? new String[0] : s.strip().split("\\s+");
        int measured = band.unit() == LengthBand.Unit.CHARS ? chars : words.length;
        double factor = band.factor(measured);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("chars", (double) chars);
        metrics.put("words", (double) words.length);
        metrics.put("length_factor", factor);
        double distinct = distinctShingleRatio(words);
        metrics.put("distinct_shingle_ratio", distinct);
        java.util.List<CheckFinding> findings = new java.util.ArrayList<>();
        String unit = band.unit() == LengthBand.Unit.CHARS ? " characters" : " words";
        if (measured < band.min()) {
            findings.add(new CheckFinding(Rules.TOO_SHORT, measured + unit + ", band starts at " + band.min()
                    + ", factor " + round(factor), -1));
        } else if (measured > band.max()) {
            findings.add(new CheckFinding(Rules.TOO_LONG, measured + unit + ", band ends at " + band.max()
                    + ", factor " + round(factor), -1));
        }
        if (measured > band.hardMax()) {
            findings.add(new CheckFinding(Rules.OVER_LIMIT, measured + unit + ", the limit is " + band.hardMax(), -1));
        }
        if (distinct < REPETITION_THRESHOLD) {
            findings.add(new CheckFinding(Rules.REPETITIVE, "only " + Math.round(distinct * 100)
                    + "% of the " + SHINGLE + "-word sequences are distinct", -1));
        }
        return new CheckResult(CHECK_NAME, findings, metrics);
    }

    static double distinctShingleRatio(String[] words) {
        int total = words.length - SHINGLE + 1;
        if (total < REPETITION_MIN_SHINGLES) {
            return 1.0;
        }
        Set<String> seen = new HashSet<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < total; i++) {
            key.setLength(0);
            for (int k = i; k < i + SHINGLE; k++) {
                key.append(words[k].toLowerCase(java.util.Locale.ROOT)).append(' ');
            }
            seen.add(key.toString());
        }
        return (double) seen.size() / total;
    }

    private static String round(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
