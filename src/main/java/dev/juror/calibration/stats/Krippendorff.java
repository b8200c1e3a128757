package dev.juror.calibration.stats;

/**
 * Krippendorff's alpha for any number of raters with missing data, via the coincidence matrix
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"; reference section 1.5):
 * units with fewer than two values are not pairable and are dropped; o_ck sums, over units, the
 * ordered value pairs (c,k) from different raters divided by m_u - 1; n_c = sum_k o_ck;
 * alpha = 1 - (n - 1) sum o_ck delta^2_ck / sum n_c n_k delta^2_ck.
 *
 * <p>Undefined (never 1.0 or an exception) when no unit has two values or when all pairable values
 * are equal (expected disagreement 0), the behaviour the reference recommends.
 */
public final class Krippendorff {

    private Krippendorff() {
    }

    public static Estimate alpha(RatingMatrix m, Level level) {
        UnitCounts units = UnitCounts.of(m);
        return prepare(units).alpha(units.fullCounts(), level);
    }

    public static Estimate alpha(UnitCounts units, Level level) {
        return prepare(units).alpha(units.fullCounts(), level);
    }

    /** Precomputes per-pattern coincidences so each bootstrap resample costs O(patterns). */
    public static Prepared prepare(UnitCounts units) {
        return new Prepared(units);
    }

    /** Coincidence contributions of every pattern, ready to be weighted by resample counts. */
    public static final class Prepared {
        private final UnitCounts units;
        private final int k;
        /** Per pattern: flattened (c * k + d, value) pairs; empty for non-pairable patterns. */
        private final int[][] cells;
        private final double[][] amounts;

        private Prepared(UnitCounts units) {
            this.units = units;
            this.k = units.categoryCount();
            int patterns = units.patternCount();
            cells = new int[patterns][];
            amounts = new double[patterns][];
            for (int p = 0; p < patterns; p++) {
                int[] counts = units.pattern(p);
                int m = 0;
                int present = 0;
                for (int c : counts) {
                    m += c;
                    present += c > 0 ? 1 : 0;
                }
                if (m < 2) {
                    cells[p] = new int[0];
                    amounts[p] = new double[0];
                    continue;
                }
                int[] cat = new int[present];
                int at = 0;
                for (int c = 0; c < k; c++) {
                    if (counts[c] > 0) {
                        cat[at++] = c;
                    }
                }
                cells[p] = new int[present * present];
                amounts[p] = new double[present * present];
                int i = 0;
                for (int c : cat) {
                    for (int d : cat) {
                        long pairs = c == d ? (long) counts[c] * (counts[c] - 1) : (long) counts[c] * counts[d];
                        cells[p][i] = c * k + d;
                        amounts[p][i] = (double) pairs / (m - 1);
                        i++;
                    }
                }
            }
        }

        /** The coincidence matrix o (k x k, flattened) for the given pattern counts. */
        public double[] coincidences(int[] patternCounts) {
            double[] o = new double[k * k];
            for (int p = 0; p < cells.length; p++) {
                int w = patternCounts[p];
                if (w == 0) {
                    continue;
                }
                int[] cs = cells[p];
                double[] as = amounts[p];
                for (int i = 0; i < cs.length; i++) {
                    o[cs[i]] += w * as[i];
                }
            }
            return o;
        }

        public Estimate alpha(int[] patternCounts, Level level) {
            double[] o = coincidences(patternCounts);
            double[] nc = new double[k];
            double n = 0;
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) {
                    nc[c] += o[c * k + d];
                }
                n += nc[c];
            }
            if (n == 0) {
                return Estimate.undefined("no item has scores from at least two raters");
            }
            int used = 0;
            for (double v : nc) {
                used += v > 0 ? 1 : 0;
            }
            if (used < 2) {
                return Estimate.undefined("all pairable scores are equal: expected disagreement is 0");
            }
            double[] delta2 = differences(nc, level);
            double observed = 0;
            double expected = 0;
            for (int c = 0; c < k; c++) {
                for (int d = 0; d < k; d++) {
                    double w = delta2[c * k + d];
                    if (w != 0) {
                        observed += o[c * k + d] * w;
                        expected += nc[c] * nc[d] * w;
                    }
                }
            }
            if (expected == 0) {
                return Estimate.undefined("expected disagreement is 0");
            }
            return Estimate.of(1 - (n - 1) * observed / expected);
        }

        private double[] differences(double[] nc, Level level) {
            double[] delta2 = new double[k * k];
            switch (level) {
                case NOMINAL -> {
                    for (int c = 0; c < k; c++) {
                        for (int d = 0; d < k; d++) {
                            delta2[c * k + d] = c == d ? 0 : 1;
                        }
                    }
                }
                case ORDINAL -> {
                    // (sum_{g=c..d} n_g - (n_c + n_d)/2)^2 with cumulative sums over the categories
                    double[] cumulative = new double[k + 1];
                    for (int c = 0; c < k; c++) {
                        cumulative[c + 1] = cumulative[c] + nc[c];
                    }
                    for (int c = 0; c < k; c++) {
                        for (int d = c + 1; d < k; d++) {
                            double between = cumulative[d + 1] - cumulative[c] - (nc[c] + nc[d]) / 2;
                            delta2[c * k + d] = between * between;
                            delta2[d * k + c] = between * between;
                        }
                    }
                }
                case INTERVAL -> {
                    for (int c = 0; c < k; c++) {
                        for (int d = 0; d < k; d++) {
                            double diff = units.categoryValue(c) - units.categoryValue(d);
                            delta2[c * k + d] = diff * diff;
                        }
                    }
                }
                case RATIO -> {
                    for (int c = 0; c < k; c++) {
                        for (int d = 0; d < k; d++) {
                            double vc = units.categoryValue(c);
                            double vd = units.categoryValue(d);
                            double sum = vc + vd;
                            double ratio = sum == 0 ? 0 : (vc - vd) / sum;
                            delta2[c * k + d] = ratio * ratio;
                        }
                    }
                }
            }
            return delta2;
        }
    }
}
