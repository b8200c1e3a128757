package dev.juror.calibration.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Pearson, Spearman (average ranks for ties) and Kendall tau-b for real-valued paired data, e.g.
 * mean scores over repeats. Integer scores on a scale are handled faster by
 * {@link TwoRaterAgreement}, which computes the same quantities from the contingency table.
 * Kendall here is the direct O(n^2) pair count, meant for modest n.
 */
public final class Correlations {

    private Correlations() {
    }

    public static Estimate pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        if (n < 2) {
            return Estimate.undefined("needs at least 2 pairs, got " + n);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Estimate.undefined((sxx == 0 ? "x" : "y") + " is constant (zero variance)");
        }
        return Estimate.of(Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))));
    }

    public static Estimate spearman(double[] x, double[] y) {
        check(x, y);
        if (x.length < 2) {
            return Estimate.undefined("needs at least 2 pairs, got " + x.length);
        }
        return pearson(averageRanks(x), averageRanks(y));
    }

    public static Estimate kendallTauB(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        if (n < 2) {
            return Estimate.undefined("needs at least 2 pairs, got " + n);
        }
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int sx = Double.compare(x[i], x[j]);
                int sy = Double.compare(y[i], y[j]);
                if (sx == 0) {
                    tiedX++;
                }
                if (sy == 0) {
                    tiedY++;
                }
                if (sx != 0 && sy != 0) {
                    if (sx == sy) {
                        concordant++;
                    } else {
                        discordant++;
                    }
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        double untiedX = pairs - tiedX;
        double untiedY = pairs - tiedY;
        if (untiedX == 0 || untiedY == 0) {
            return Estimate.undefined((untiedX == 0 ? "x" : "y") + " is constant (all pairs tied)");
        }
        return Estimate.of(Math.max(-1, Math.min(1, (concordant - discordant) / Math.sqrt(untiedX * untiedY))));
    }

    /** 1-based ranks; tied values share the mean of their positions. */
    public static double[] averageRanks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                ranks[order[t]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite; drop missing pairs first");
            }
        }
    }
}
