package dev.juror.calibration.stats;

import java.util.Arrays;

/**
 * Integer scores of items (rows) by raters (columns), {@link #MISSING} where a rater did not score
 * an item. Immutable; the constructor copies.
 */
public final class RatingMatrix {

    /** Marks a missing score in every int[] score array of this package. */
    public static final int MISSING = Integer.MIN_VALUE;

    private final int[][] rows;
    private final int raters;

    private RatingMatrix(int[][] rows, int raters) {
        this.rows = rows;
        this.raters = raters;
    }

    /** One row per item, one column per rater. */
    public static RatingMatrix ofItemRows(int[][] itemRows) {
        int raters = itemRows.length == 0 ? 0 : itemRows[0].length;
        int[][] copy = new int[itemRows.length][];
        for (int u = 0; u < itemRows.length; u++) {
            if (itemRows[u].length != raters) {
                throw new IllegalArgumentException("item " + u + " has " + itemRows[u].length
                        + " scores, expected " + raters);
            }
            copy[u] = itemRows[u].clone();
        }
        return new RatingMatrix(copy, raters);
    }

    /** One row per rater, one column per item (the "raters x units" layout of the reference). */
    public static RatingMatrix ofRaterRows(int[]... raterRows) {
        int items = raterRows.length == 0 ? 0 : raterRows[0].length;
        int[][] rows = new int[items][raterRows.length];
        for (int r = 0; r < raterRows.length; r++) {
            if (raterRows[r].length != items) {
                throw new IllegalArgumentException("rater " + r + " has " + raterRows[r].length
                        + " scores, expected " + items);
            }
            for (int u = 0; u < items; u++) {
                rows[u][r] = raterRows[r][u];
            }
        }
        return new RatingMatrix(rows, raterRows.length);
    }

    public int itemCount() {
        return rows.length;
    }

    public int raterCount() {
        return raters;
    }

    public int score(int item, int rater) {
        return rows[item][rater];
    }

    public boolean isMissing(int item, int rater) {
        return rows[item][rater] == MISSING;
    }

    /** The scores one rater gave, item-aligned, {@link #MISSING} where absent. */
    public int[] raterScores(int rater) {
        int[] out = new int[rows.length];
        for (int u = 0; u < rows.length; u++) {
            out[u] = rows[u][rater];
        }
        return out;
    }

    /** The same items without one rater's column (leave-one-rater-out reliability). */
    public RatingMatrix withoutRater(int rater) {
        if (rater < 0 || rater >= raters) {
            throw new IllegalArgumentException("rater " + rater + " is not in 0.." + (raters - 1));
        }
        int[][] out = new int[rows.length][raters - 1];
        for (int u = 0; u < rows.length; u++) {
            for (int r = 0, at = 0; r < raters; r++) {
                if (r != rater) {
                    out[u][at++] = rows[u][r];
                }
            }
        }
        return new RatingMatrix(out, raters - 1);
    }

    /** The same items in another order (for tests and permutation checks). */
    public RatingMatrix permuteItems(int[] order) {
        int[][] out = new int[order.length][];
        for (int i = 0; i < order.length; i++) {
            out[i] = rows[order[i]].clone();
        }
        return new RatingMatrix(out, raters);
    }

    @Override
    public String toString() {
        return "RatingMatrix[" + rows.length + " items x " + raters + " raters]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatingMatrix m && raters == m.raters && Arrays.deepEquals(rows, m.rows);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(rows) * 31 + raters;
    }
}
