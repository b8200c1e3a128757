package dev.juror.watch.detect;

import java.util.Arrays;

/** Spearman rank correlation on primitive columns (ties get their average rank). */
final class Ranks {

    /** Records a step's correlation is computed on at most: every k-th record beyond it (sd of rho about 0.044). */
    static final int MAX_RECORDS = 512;

    private Ranks() {
    }

    /** Over at most {@link #MAX_RECORDS} records, evenly spaced in invocation order. */
    static double spearman(int[] x, double[] y) {
        int stride = (x.length + MAX_RECORDS - 1) / MAX_RECORDS;
        int n = (x.length + stride - 1) / stride;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0, j = 0; j < n; i += stride, j++) {
            xs[j] = x[i];
            ys[j] = y[i];
        }
        return pearson(ranks(xs), ranks(ys));
    }

    /** 1-based average ranks, by binary search in a sorted copy: no boxing, O(n log n). */
    static double[] ranks(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int lo = first(sorted, v[i]);
            int hi = last(sorted, v[i]);
            r[i] = (lo + hi) / 2.0 + 1;
        }
        return r;
    }

    private static int first(double[] a, double key) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int last(double[] a, double key) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (a[mid] > key) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab / Math.sqrt(saa * sbb);
    }
}
