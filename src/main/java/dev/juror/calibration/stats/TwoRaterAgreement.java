package dev.juror.calibration.stats;

import java.util.Optional;

/**
 * Agreement of two raters on paired integer scores over a declared {@link ScoreRange}: rater A is the
 * one under test (the judge), rater B the reference (the human). Items where either score is
 * {@link RatingMatrix#MISSING} are dropped pairwise. All statistics are computed from the K x K
 * contingency table (rows A, columns B), which is what makes bootstrapping 100,000 items cheap.
 *
 * <p>Formulas follow the reference notes (calibration-stats.md sections 1.2-1.6): weighted kappa
 * 1 - sum(w O) / sum(w E) with disagreement weights on category positions; Spearman as Pearson of
 * average ranks; Kendall tau-b with ties in either variable excluded from concordant/discordant
 * pairs; Gwet's AC1 with chance agreement sum(pi_k (1 - pi_k)) / (K - 1).
 */
public final class TwoRaterAgreement {

    private TwoRaterAgreement() {
    }

    /** Statistics of rater A ({@code a}) against rater B ({@code b}); arrays are item-aligned. */
    public static TwoRaterResult compute(int[] a, int[] b, ScoreRange scale) {
        return fromCellCounts(pair(a, b, scale).cellCounts(), scale);
    }

    /** Maps each item to its contingency cell; throws if a score lies outside the scale. */
    public static PairedCells pair(int[] a, int[] b, ScoreRange scale) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rater A has " + a.length + " items, rater B " + b.length);
        }
        int k = scale.size();
        int unpaired = k * k;
        int[] cells = new int[a.length];
        int paired = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == RatingMatrix.MISSING || b[i] == RatingMatrix.MISSING) {
                cells[i] = unpaired;
            } else {
                cells[i] = scale.index(a[i]) * k + scale.index(b[i]);
                paired++;
            }
        }
        return new PairedCells(scale, cells, paired);
    }

    /** The whole two-rater set as a bootstrap statistic over {@link PairedCells#groups()}. */
    public static CountStatistics statistics(ScoreRange scale) {
        return counts -> fromCellCounts(counts, scale).statistics();
    }

    /**
     * Statistics from cell counts: entry {@code indexA * K + indexB}; entries beyond K*K (unpaired
     * items) are ignored.
     */
    public static TwoRaterResult fromCellCounts(int[] cellCounts, ScoreRange scale) {
        int k = scale.size();
        if (cellCounts.length < k * k) {
            throw new IllegalArgumentException("need " + (k * k) + " cell counts for scale " + scale);
        }
        return new Table(cellCounts, k).result(scale);
    }

    /** Contingency table arithmetic; indices are category positions 0..K-1. */
    private static final class Table {
        private final int[] o;
        private final int k;
        private final long n;
        private final long[] rowA;
        private final long[] colB;

        Table(int[] cells, int k) {
            this.o = cells;
            this.k = k;
            this.rowA = new long[k];
            this.colB = new long[k];
            long total = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int c = cells[i * k + j];
                    if (c < 0) {
                        throw new IllegalArgumentException("negative cell count");
                    }
                    rowA[i] += c;
                    colB[j] += c;
                    total += c;
                }
            }
            this.n = total;
        }

        TwoRaterResult result(ScoreRange scale) {
            if (n == 0) {
                Estimate none = Estimate.undefined("no item was scored by both raters");
                return new TwoRaterResult(0, none, none, none, none, none, none, none, none, none, none, none,
                        scale.isBinary() ? Optional.of(new BinaryAgreement(none, none, none, 0, 0)) : Optional.empty());
            }
            Estimate exact = Estimate.of(share(0));
            Estimate within1 = Estimate.of(share(1));
            double absSum = 0;
            double signedSum = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int c = o[i * k + j];
                    absSum += (double) c * Math.abs(i - j);
                    signedSum += (double) c * (i - j);
                }
            }
            Estimate mae = Estimate.of(absSum / n);
            Estimate bias = Estimate.of(signedSum / n);
            Estimate kappa;
            Estimate linear;
            Estimate quadratic;
            Estimate ac1;
            Estimate spearman;
            Estimate kendall;
            Estimate pearson;
            if (n < 2) {
                Estimate few = Estimate.undefined("needs at least 2 items scored by both raters, got " + n);
                kappa = linear = quadratic = ac1 = spearman = kendall = pearson = few;
            } else if (k < 2) {
                Estimate one = Estimate.undefined("the scale " + scale + " has a single category");
                kappa = linear = quadratic = ac1 = spearman = kendall = pearson = one;
            } else {
                kappa = weightedKappa(0);
                linear = weightedKappa(1);
                quadratic = weightedKappa(2);
                ac1 = gwetAc1();
                pearson = pearson(categoryPositions(), categoryPositions());
                spearman = pearson(averageRanks(rowA), averageRanks(colB));
                kendall = kendallTauB();
            }
            Optional<BinaryAgreement> binary = scale.isBinary() ? Optional.of(binary()) : Optional.empty();
            return new TwoRaterResult((int) Math.min(Integer.MAX_VALUE, n), exact, within1, kappa, linear,
                    quadratic, spearman, kendall, pearson, mae, bias, ac1, binary);
        }

        private double share(int tolerance) {
            long agree = 0;
            for (int i = 0; i < k; i++) {
                for (int j = Math.max(0, i - tolerance); j <= Math.min(k - 1, i + tolerance); j++) {
                    agree += o[i * k + j];
                }
            }
            return (double) agree / n;
        }

        /** power 0: unweighted (w = 1 off the diagonal), 1: |i-j|, 2: (i-j)^2. */
        private Estimate weightedKappa(int power) {
            double observed = 0;
            double expectedTimesN = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (i == j) {
                        continue;
                    }
                    double w = power == 0 ? 1 : power == 1 ? Math.abs(i - j) : (double) (i - j) * (i - j);
                    observed += w * o[i * k + j];
                    expectedTimesN += w * (double) rowA[i] * colB[j];
                }
            }
            if (expectedTimesN == 0) {
                return Estimate.undefined("chance disagreement is 0: both raters used one and the same category");
            }
            return Estimate.of(1 - observed * n / expectedTimesN);
        }

        private Estimate gwetAc1() {
            double agree = 0;
            for (int i = 0; i < k; i++) {
                agree += o[i * k + i];
            }
            double po = agree / n;
            double pe = 0;
            for (int c = 0; c < k; c++) {
                double pi = (rowA[c] + colB[c]) / (2.0 * n);
                pe += pi * (1 - pi);
            }
            pe /= (k - 1);
            return Estimate.ofFinite((po - pe) / (1 - pe), "chance agreement is 1");
        }

        private double[] categoryPositions() {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = i;
            }
            return x;
        }

        /** Average rank (1-based) of each category, given how many items fall in each. */
        private static double[] averageRanks(long[] counts) {
            double[] ranks = new double[counts.length];
            long below = 0;
            for (int c = 0; c < counts.length; c++) {
                ranks[c] = below + (counts[c] + 1) / 2.0;
                below += counts[c];
            }
            return ranks;
        }

        /** Pearson correlation of x[row category] and y[column category], weighted by the cells. */
        private Estimate pearson(double[] x, double[] y) {
            double meanX = 0;
            double meanY = 0;
            for (int i = 0; i < k; i++) {
                meanX += rowA[i] * x[i];
                meanY += colB[i] * y[i];
            }
            meanX /= n;
            meanY /= n;
            double sxx = 0;
            double syy = 0;
            for (int i = 0; i < k; i++) {
                sxx += rowA[i] * (x[i] - meanX) * (x[i] - meanX);
                syy += colB[i] * (y[i] - meanY) * (y[i] - meanY);
            }
            if (sxx == 0 || syy == 0) {
                return Estimate.undefined(constantRater(sxx, syy));
            }
            double sxy = 0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int c = o[i * k + j];
                    if (c != 0) {
                        sxy += c * (x[i] - meanX) * (y[j] - meanY);
                    }
                }
            }
            double r = sxy / Math.sqrt(sxx * syy);
            return Estimate.of(Math.max(-1, Math.min(1, r)));
        }

        private static String constantRater(double varA, double varB) {
            if (varA == 0 && varB == 0) {
                return "both raters gave every item the same score (zero variance)";
            }
            return (varA == 0 ? "rater A" : "rater B") + " gave every item the same score (zero variance)";
        }

        private Estimate kendallTauB() {
            // suffix[i][j] = sum of cells with row >= i and column >= j, (k+1) x (k+1) with zero border
            long[] suffix = new long[(k + 1) * (k + 1)];
            for (int i = k - 1; i >= 0; i--) {
                for (int j = k - 1; j >= 0; j--) {
                    suffix[i * (k + 1) + j] = o[i * k + j] + suffix[(i + 1) * (k + 1) + j]
                            + suffix[i * (k + 1) + j + 1] - suffix[(i + 1) * (k + 1) + j + 1];
                }
            }
            long concordant = 0;
            long discordant = 0;
            for (int i = 0; i < k - 1; i++) {
                long below = suffix[(i + 1) * (k + 1)];
                for (int j = 0; j < k; j++) {
                    int c = o[i * k + j];
                    if (c == 0) {
                        continue;
                    }
                    long higherBoth = suffix[(i + 1) * (k + 1) + j + 1];
                    long higherRowLowerCol = below - suffix[(i + 1) * (k + 1) + j];
                    concordant += c * higherBoth;
                    discordant += c * higherRowLowerCol;
                }
            }
            long pairs = n * (n - 1) / 2;
            long tiedA = 0;
            long tiedB = 0;
            for (int c = 0; c < k; c++) {
                tiedA += rowA[c] * (rowA[c] - 1) / 2;
                tiedB += colB[c] * (colB[c] - 1) / 2;
            }
            double untiedA = pairs - tiedA;
            double untiedB = pairs - tiedB;
            if (untiedA == 0 || untiedB == 0) {
                return Estimate.undefined(constantRater(untiedA, untiedB));
            }
            double tau = (concordant - discordant) / Math.sqrt(untiedA * untiedB);
            return Estimate.of(Math.max(-1, Math.min(1, tau)));
        }

        private BinaryAgreement binary() {
            long tn = o[0];
            long fn = o[1];      // A fail (row 0), B pass (column 1)
            long fp = o[2];      // A pass (row 1), B fail (column 0)
            long tp = o[3];
            Estimate tpr = tp + fn == 0 ? Estimate.undefined("rater B passed no item")
                    : Estimate.of((double) tp / (tp + fn));
            Estimate tnr = tn + fp == 0 ? Estimate.undefined("rater B failed no item")
                    : Estimate.of((double) tn / (tn + fp));
            Estimate precision = tp + fp == 0 ? Estimate.undefined("rater A passed no item")
                    : Estimate.of((double) tp / (tp + fp));
            return new BinaryAgreement(tpr, tnr, precision, tp + fn, tn + fp);
        }
    }
}
