package dev.juror.watch.detect;

import dev.juror.calibration.stats.Correlations;
import dev.juror.calibration.stats.Estimate;

/** Spearman rank correlation of a step's columns, on an even sample of its records (the calibration statistic). */
final class Ranks {

    /** Records a step's correlation is computed on at most: every k-th record beyond it (sd of rho about 0.044). */
    static final int MAX_RECORDS = 512;

    private Ranks() {
    }

    /**
     * Over at most {@link #MAX_RECORDS} records, evenly spaced in invocation order; 0 when either column
     * is constant there (no ranking to correlate).
     */
    static double spearman(int[] x, double[] y) {
        int stride = (x.length + MAX_RECORDS - 1) / MAX_RECORDS;
        int n = (x.length + stride - 1) / stride;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0, j = 0; j < n; i += stride, j++) {
            xs[j] = x[i];
            ys[j] = y[i];
        }
        return Correlations.spearman(xs, ys) instanceof Estimate.Defined d ? d.value() : 0.0;
    }
}
