package dev.juror.calibration.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Items reduced to how many values of each category they received, with identical count vectors
 * merged into one pattern. Krippendorff's alpha and Fleiss' kappa ignore which rater gave which
 * value, so they are functions of the pattern counts; this makes bootstrap resamples cheap
 * (10,000 items x 5 raters have at most a few hundred patterns).
 */
public final class UnitCounts {

    private final double[] categoryValues;
    private final int[][] patterns;
    private final int[] patternOfItem;

    private UnitCounts(double[] categoryValues, int[][] patterns, int[] patternOfItem) {
        this.categoryValues = categoryValues;
        this.patterns = patterns;
        this.patternOfItem = patternOfItem;
    }

    /** Categories are the distinct scores present in {@code m}, ascending. */
    public static UnitCounts of(RatingMatrix m) {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (int u = 0; u < m.itemCount(); u++) {
            for (int r = 0; r < m.raterCount(); r++) {
                if (!m.isMissing(u, r)) {
                    distinct.add(m.score(u, r));
                }
            }
        }
        int[] values = distinct.stream().mapToInt(Integer::intValue).toArray();
        double[] categoryValues = Arrays.stream(values).asDoubleStream().toArray();
        int[][] perItem = new int[m.itemCount()][];
        for (int u = 0; u < m.itemCount(); u++) {
            int[] counts = new int[values.length];
            for (int r = 0; r < m.raterCount(); r++) {
                if (!m.isMissing(u, r)) {
                    counts[Arrays.binarySearch(values, m.score(u, r))]++;
                }
            }
            perItem[u] = counts;
        }
        return compress(categoryValues, perItem);
    }

    /**
     * Units given directly as value counts ({@code unitsByCategory[u][c]} = how many raters gave
     * category c to unit u), categories having the numeric values {@code categoryValues}
     * (ascending; used by the interval and ratio metrics and for ordering).
     */
    public static UnitCounts ofValueCounts(int[][] unitsByCategory, double[] categoryValues) {
        for (int i = 1; i < categoryValues.length; i++) {
            if (!(categoryValues[i] > categoryValues[i - 1])) {
                throw new IllegalArgumentException("category values must be strictly ascending");
            }
        }
        int[][] copy = new int[unitsByCategory.length][];
        for (int u = 0; u < unitsByCategory.length; u++) {
            if (unitsByCategory[u].length != categoryValues.length) {
                throw new IllegalArgumentException("unit " + u + " has " + unitsByCategory[u].length
                        + " counts, expected " + categoryValues.length);
            }
            for (int c : unitsByCategory[u]) {
                if (c < 0) {
                    throw new IllegalArgumentException("unit " + u + " has a negative count");
                }
            }
            copy[u] = unitsByCategory[u].clone();
        }
        return compress(categoryValues.clone(), copy);
    }

    private static UnitCounts compress(double[] categoryValues, int[][] perItem) {
        Map<Key, Integer> index = new HashMap<>();
        int[] patternOfItem = new int[perItem.length];
        java.util.List<int[]> patterns = new java.util.ArrayList<>();
        for (int u = 0; u < perItem.length; u++) {
            Key key = new Key(perItem[u]);
            Integer p = index.get(key);
            if (p == null) {
                p = patterns.size();
                index.put(key, p);
                patterns.add(perItem[u]);
            }
            patternOfItem[u] = p;
        }
        return new UnitCounts(categoryValues, patterns.toArray(new int[0][]), patternOfItem);
    }

    public int categoryCount() {
        return categoryValues.length;
    }

    public int patternCount() {
        return patterns.length;
    }

    double categoryValue(int c) {
        return categoryValues[c];
    }

    int[] pattern(int p) {
        return patterns[p];
    }

    /** Items as resampling units grouped by pattern. */
    public ItemGroups groups() {
        return new ItemGroups(patternOfItem, Math.max(1, patterns.length));
    }

    /** How many items show each pattern in the original sample. */
    public int[] fullCounts() {
        return groups().fullCounts();
    }

    private record Key(int[] counts) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(counts, k.counts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(counts);
        }
    }
}
