package dev.juror.calibration.regression;

import java.util.Locale;

/** What a regression case expects of the judge's (and checks') result on its rollout. */
public sealed interface Expectation {

    /** Where in the suite file it was written ({@code cases[2].expect[0]}), for messages. */
    String path();

    String describe();

    /**
     * A dimension's score lies in [min, max] on one comment, or on every comment when
     * {@code comment} is null.
     */
    record DimensionRange(String path, String dimension, Integer comment, double min, double max)
            implements Expectation {
        @Override
        public String describe() {
            String where = dimension + (comment == null ? " on every comment" : " on comment " + comment);
            if (Double.isInfinite(min)) {
                return where + " <= " + fmt(max);
            }
            if (Double.isInfinite(max)) {
                return where + " >= " + fmt(min);
            }
            return where + " in [" + fmt(min) + ", " + fmt(max) + "]";
        }
    }

    /** The sample score is at least {@code min} and at most {@code max} (either may be absent). */
    record SampleScoreBound(String path, Double min, Double max) implements Expectation {
        @Override
        public String describe() {
            return "sample score" + (min != null ? " >= " + fmt(min) : "") + (min != null && max != null ? " and" : "")
                    + (max != null ? " <= " + fmt(max) : "");
        }
    }

    /** The case's rollout gets a strictly higher sample score than {@code other}. */
    record Outscores(String path, RolloutRef other) implements Expectation {
        @Override
        public String describe() {
            return "sample score above that of " + other;
        }
    }

    /** A named flag must be raised (e.g. {@code injection}, {@code format}, {@code grounding}). */
    record FlagRaised(String path, String flag) implements Expectation {
        @Override
        public String describe() {
            return "flag '" + flag + "' raised";
        }
    }

    /** A named flag must not be raised (e.g. a legitimate comment must not look like an injection). */
    record FlagNotRaised(String path, String flag) implements Expectation {
        @Override
        public String describe() {
            return "flag '" + flag + "' not raised";
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
