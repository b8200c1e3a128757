package dev.juror.calibration.stats;

/**
 * The declared integer score scale {@code min..max} of a rubric dimension. Chance-corrected
 * statistics are computed over ALL its categories, not only those that occur in the data (weighted
 * kappa changes otherwise; reference TV-13). A two-category scale is pass/fail with the higher
 * value meaning pass.
 */
public record ScoreRange(int min, int max) {

    /** Larger scales are rejected: the statistics build size x size tables. */
    public static final int MAX_CATEGORIES = 1_001;

    public ScoreRange {
        if (max < min) {
            throw new IllegalArgumentException("scale max " + max + " is below min " + min);
        }
        if ((long) max - min + 1 > MAX_CATEGORIES) {
            throw new IllegalArgumentException("scale " + min + ".." + max + " has more than "
                    + MAX_CATEGORIES + " categories");
        }
    }

    /** The pass/fail scale 0..1 (1 = pass). */
    public static ScoreRange binary() {
        return new ScoreRange(0, 1);
    }

    /** Parses {@code "1..5"} (also {@code "1-5"} for non-negative bounds). */
    public static ScoreRange parse(String text) {
        String s = text.strip();
        int dots = s.indexOf("..");
        String lo;
        String hi;
        if (dots >= 0) {
            lo = s.substring(0, dots);
            hi = s.substring(dots + 2);
        } else {
            int dash = s.indexOf('-', 1);
            if (dash < 0) {
                throw new IllegalArgumentException("scale '" + text + "' is not of the form MIN..MAX, e.g. 1..5");
            }
            lo = s.substring(0, dash);
            hi = s.substring(dash + 1);
        }
        try {
            return new ScoreRange(Integer.parseInt(lo.strip()), Integer.parseInt(hi.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scale '" + text + "' is not of the form MIN..MAX, e.g. 1..5");
        }
    }

    /** Number of categories K. */
    public int size() {
        return max - min + 1;
    }

    public boolean isBinary() {
        return size() == 2;
    }

    public boolean contains(int value) {
        return value >= min && value <= max;
    }

    /** Position 0..K-1 of {@code value}; throws if it lies outside the scale. */
    public int index(int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("score " + value + " is outside the scale " + this);
        }
        return value - min;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
