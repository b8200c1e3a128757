package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Krippendorff;
import dev.juror.calibration.stats.Level;
import dev.juror.calibration.stats.RatingMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test-retest consistency of one judge run with repeats, on one dimension. An item is
 * <em>unstable</em> when its score is not the same in every repeat; the flip rate is the share of
 * unstable items among items scored at least twice (what the rubric's {@code max_flip_rate} bounds).
 * Per item: the sample standard deviation (n - 1) of its repeat scores. Alpha treats the repeats
 * as raters (intra-rater reliability).
 *
 * @param repeats        repeats of the run
 * @param items          items scored in at least two repeats
 * @param flipRate       unstable / items; undefined with fewer than two repeats
 * @param meanSd         mean per-item SD
 * @param unstable       the unstable items, largest SD first (at most 50 listed)
 */
public record RepeatConsistency(int repeats, int items, @JsonProperty("unstable_items") int unstableCount,
                                @JsonProperty("flip_rate") Estimate flipRate, @JsonProperty("mean_sd") Estimate meanSd,
                                @JsonProperty("alpha_ordinal") Estimate alphaOrdinal,
                                @JsonProperty("unstable") List<UnstableItem> unstable) {

    public static final int LISTED = 50;

    public record UnstableItem(@JsonProperty("item_key") String itemKey, int[] scores, double sd) {
    }

    public static RepeatConsistency of(Map<Item, int[]> repeatScores, int repeats, String dimension) {
        List<int[]> rows = new ArrayList<>();
        List<UnstableItem> unstable = new ArrayList<>();
        double sdSum = 0;
        for (Map.Entry<Item, int[]> e : repeatScores.entrySet()) {
            if (!e.getKey().dimension().equals(dimension) || e.getValue().length < 2) {
                continue;
            }
            int[] v = e.getValue();
            int[] row = new int[repeats];
            Arrays.fill(row, RatingMatrix.MISSING);
            System.arraycopy(v, 0, row, 0, Math.min(v.length, repeats));
            rows.add(row);
            double sd = sd(v);
            sdSum += sd;
            if (Arrays.stream(v).distinct().count() > 1) {
                unstable.add(new UnstableItem(e.getKey().itemKey(), v.clone(), sd));
            }
        }
        int n = rows.size();
        if (n == 0) {
            String why = repeats < 2 ? "the run has " + repeats + " repeat; run the judge with 2 or more repeats"
                    : "no item was scored in two or more repeats";
            Estimate none = Estimate.undefined(why);
            return new RepeatConsistency(repeats, 0, 0, none, none, none, List.of());
        }
        unstable.sort(Comparator.comparingDouble(UnstableItem::sd).reversed().thenComparing(UnstableItem::itemKey));
        Estimate alpha = Krippendorff.alpha(RatingMatrix.ofItemRows(rows.toArray(int[][]::new)), Level.ORDINAL);
        return new RepeatConsistency(repeats, n, unstable.size(), Estimate.of((double) unstable.size() / n),
                Estimate.of(sdSum / n), alpha, List.copyOf(unstable.subList(0, Math.min(LISTED, unstable.size()))));
    }

    /** Keys of the items that changed across repeats (not limited to the listed ones). */
    public static Set<String> unstableKeys(Map<Item, int[]> repeatScores, String dimension) {
        Set<String> keys = new TreeSet<>();
        repeatScores.forEach((item, v) -> {
            if (item.dimension().equals(dimension) && Arrays.stream(v).distinct().count() > 1) {
                keys.add(item.itemKey());
            }
        });
        return keys;
    }

    static double sd(int[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (int x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
