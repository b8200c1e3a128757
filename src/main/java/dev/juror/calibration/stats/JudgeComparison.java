package dev.juror.calibration.stats;

import java.util.Map;

/**
 * Two judges (or two prompt versions of one judge) scored against the same reference on the same
 * items, ready for a paired bootstrap of the difference in any two-rater statistic (drift checks:
 * "is the new prompt's quadratic kappa lower than the old one's?"). Only items where all three
 * scores are present are compared, so both statistics always describe the same items; each item
 * is reduced to its cell (first, second, reference) of a K x K x K table.
 */
public final class JudgeComparison {

    private final ScoreRange scale;
    private final int[] cellOfItem;
    private final int comparedItems;

    private JudgeComparison(ScoreRange scale, int[] cellOfItem, int comparedItems) {
        this.scale = scale;
        this.cellOfItem = cellOfItem;
        this.comparedItems = comparedItems;
    }

    /** Item-aligned scores; {@link RatingMatrix#MISSING} anywhere excludes the item. */
    public static JudgeComparison of(int[] first, int[] second, int[] reference, ScoreRange scale) {
        if (first.length != second.length || first.length != reference.length) {
            throw new IllegalArgumentException("score arrays differ in length: " + first.length + ", "
                    + second.length + ", " + reference.length);
        }
        int k = scale.size();
        int excluded = k * k * k;
        int[] cells = new int[first.length];
        int compared = 0;
        for (int i = 0; i < first.length; i++) {
            if (first[i] == RatingMatrix.MISSING || second[i] == RatingMatrix.MISSING
                    || reference[i] == RatingMatrix.MISSING) {
                cells[i] = excluded;
            } else {
                cells[i] = (scale.index(first[i]) * k + scale.index(second[i])) * k + scale.index(reference[i]);
                compared++;
            }
        }
        return new JudgeComparison(scale, cells, compared);
    }

    /** Items with all three scores. */
    public int comparedItems() {
        return comparedItems;
    }

    public ItemGroups groups() {
        int k = scale.size();
        return new ItemGroups(cellOfItem, k * k * k + 1);
    }

    /** First judge vs reference on the compared items. */
    public TwoRaterResult first() {
        return firstFrom(groups().fullCounts());
    }

    /** Second judge vs reference on the compared items. */
    public TwoRaterResult second() {
        return secondFrom(groups().fullCounts());
    }

    /** first - second for the statistic with this JSON name (e.g. {@code "kappa_quadratic"}). */
    public CountStatistic difference(String statistic) {
        return counts -> Bootstrap.difference(get(firstFrom(counts), statistic), get(secondFrom(counts), statistic));
    }

    /** Paired-bootstrap interval of first - second for one statistic. */
    public BootstrapResult differenceInterval(String statistic, BootstrapConfig config) {
        return Bootstrap.ci(groups(), difference(statistic), config);
    }

    private static Estimate get(TwoRaterResult r, String statistic) {
        Map<String, Estimate> all = r.statistics();
        Estimate e = all.get(statistic);
        if (e == null) {
            throw new IllegalArgumentException("unknown statistic '" + statistic + "'; one of " + all.keySet());
        }
        return e;
    }

    private TwoRaterResult firstFrom(int[] counts) {
        return project(counts, true);
    }

    private TwoRaterResult secondFrom(int[] counts) {
        return project(counts, false);
    }

    private TwoRaterResult project(int[] counts, boolean first) {
        int k = scale.size();
        int[] table = new int[k * k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int r = 0; r < k; r++) {
                    int c = counts[(a * k + b) * k + r];
                    if (c != 0) {
                        table[(first ? a : b) * k + r] += c;
                    }
                }
            }
        }
        return TwoRaterAgreement.fromCellCounts(table, scale);
    }
}
