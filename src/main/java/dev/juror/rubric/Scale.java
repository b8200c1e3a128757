package dev.juror.rubric;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a dimension is scored. Written in YAML as {@code boolean}, {@code preference} or an integer
 * range such as {@code 1-5}. Every level of a scale needs its own description in the rubric, so
 * {@link #levelKeys()} is also the list of keys the {@code levels} map must hold.
 */
public sealed interface Scale permits Scale.BooleanScale, Scale.IntegerScale, Scale.PreferenceScale {

    /** Largest integer range accepted: every level needs a hand-written description. */
    int MAX_LEVELS = 11;

    /** The YAML spelling: {@code boolean}, {@code preference} or {@code 1-5}. */
    String label();

    /** Level keys in the order they are written and shown to the judge (best first). */
    List<String> levelKeys();

    /** Numeric value of the worst outcome. */
    double min();

    /** Numeric value of the best outcome. */
    double max();

    /** Maps a score on this scale to [0, 1]; values outside the scale are clamped. */
    default double normalise(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
        double clamped = Math.max(min(), Math.min(max(), score));
        return (clamped - min()) / (max() - min());
    }

    /** Whether a dimension score is a valid value on this scale (an integer in range; 0 or 1 for boolean). */
    boolean accepts(double score);

    /** Pass (1) or fail (0): the article's recommended form, the most reliable for judges. */
    record BooleanScale() implements Scale {
        public static final String PASS = "pass";
        public static final String FAIL = "fail";

        @Override
        public String label() {
            return "boolean";
        }

        @Override
        public List<String> levelKeys() {
            return List.of(PASS, FAIL);
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return 1;
        }

        @Override
        public boolean accepts(double score) {
            return score == 0 || score == 1;
        }

        /** 1 for {@code pass}, 0 for {@code fail} (case-insensitive). */
        public static double valueOf(String level) {
            if (PASS.equalsIgnoreCase(level)) {
                return 1;
            }
            if (FAIL.equalsIgnoreCase(level)) {
                return 0;
            }
            throw new IllegalArgumentException("not a boolean level: '" + level + "' (expected pass or fail)");
        }
    }

    /** An integer range {@code low-high}, inclusive, such as 1-5. */
    record IntegerScale(int low, int high) implements Scale {
        public IntegerScale {
            if (low < 0 || low >= high || high - low + 1 > MAX_LEVELS) {
                throw new IllegalArgumentException("invalid integer scale " + low + "-" + high);
            }
        }

        @Override
        public String label() {
            return low + "-" + high;
        }

        @Override
        public List<String> levelKeys() {
            List<String> keys = new ArrayList<>();
            for (int level = high; level >= low; level--) {
                keys.add(Integer.toString(level));
            }
            return List.copyOf(keys);
        }

        @Override
        public double min() {
            return low;
        }

        @Override
        public double max() {
            return high;
        }

        @Override
        public boolean accepts(double score) {
            return score >= low && score <= high && score == Math.rint(score);
        }
    }

    /**
     * Pairwise dimensions: the judge says which candidate is better on this dimension (A, B or
     * tie). Levels are {@code better} (what makes a response better here) and {@code tie} (when
     * the two are even). Values are from candidate A's side: A = 1, tie = 0.5, B = 0.
     */
    record PreferenceScale() implements Scale {
        public static final String BETTER = "better";
        public static final String TIE = "tie";

        @Override
        public String label() {
            return "preference";
        }

        @Override
        public List<String> levelKeys() {
            return List.of(BETTER, TIE);
        }

        @Override
        public double min() {
            return 0;
        }

        @Override
        public double max() {
            return 1;
        }

        @Override
        public boolean accepts(double score) {
            return score == 0 || score == 0.5 || score == 1;
        }
    }

    Pattern RANGE = Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})");

    /**
     * Parses the YAML spelling. Throws {@link IllegalArgumentException} with a message that says
     * what is accepted.
     */
    static Scale parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("boolean")) {
            return new BooleanScale();
        }
        if (t.equalsIgnoreCase("preference")) {
            return new PreferenceScale();
        }
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            int low = Integer.parseInt(m.group(1));
            int high = Integer.parseInt(m.group(2));
            if (low >= high) {
                throw new IllegalArgumentException("scale '" + t + "' has min " + low + " >= max " + high
                        + "; write the lower bound first, e.g. 1-5");
            }
            if (high - low + 1 > MAX_LEVELS) {
                throw new IllegalArgumentException("scale '" + t + "' has " + (high - low + 1)
                        + " levels; at most " + MAX_LEVELS + " are allowed (each needs a description)");
            }
            return new IntegerScale(low, high);
        }
        throw new IllegalArgumentException("scale '" + t + "' is not recognised; use boolean, preference"
                + " (pairwise) or an integer range such as 1-5");
    }
}
