package dev.juror.rubric;

import java.util.Locale;

/** A pairwise verdict, per dimension or overall. */
public enum Preference {
    A, B, TIE;

    /** The spelling in judge output and YAML: {@code A}, {@code B}, {@code tie}. */
    public String json() {
        return this == TIE ? "tie" : name();
    }

    /** Candidate A's share of the win: A = 1, tie = 0.5, B = 0. */
    public double valueForA() {
        return switch (this) {
            case A -> 1.0;
            case B -> 0.0;
            case TIE -> 0.5;
        };
    }

    public static Preference parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "A" -> A;
            case "B" -> B;
            case "TIE" -> TIE;
            default -> throw new IllegalArgumentException("not a verdict: '" + text + "' (expected A, B or tie)");
        };
    }
}
