package dev.juror.calibration.views;

import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.ItemGroups;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.stats.TwoRaterAgreement;
import dev.juror.calibration.stats.TwoRaterResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Score pairs (rater A, rater B) grouped by item. One item may contribute several pairs (the judge
 * against each of three humans; every pair of humans), so the bootstrap resamples items and takes
 * all of an item's pairs along (a cluster bootstrap): pairs of one item are not independent.
 */
public final class ItemPairs {

    private final ScoreRange scale;
    private final List<int[]> cellsOfItem = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    private int pairCount;

    public ItemPairs(ScoreRange scale) {
        this.scale = scale;
    }

    /** Adds one item with its pairs: {@code a[i]} against {@code b[i]}. An item without pairs is ignored. */
    public ItemPairs add(String item, int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("pair arrays differ in length");
        }
        if (a.length == 0) {
            return this;
        }
        int k = scale.size();
        int[] cells = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            cells[i] = scale.index(a[i]) * k + scale.index(b[i]);
        }
        cellsOfItem.add(cells);
        itemNames.add(item);
        pairCount += a.length;
        return this;
    }

    public ItemPairs add(String item, int a, int b) {
        return add(item, new int[] {a}, new int[] {b});
    }

    public int items() {
        return cellsOfItem.size();
    }

    public int pairs() {
        return pairCount;
    }

    /** The K x K table (rows A, columns B) of all pairs, items weighted by {@code itemCounts}. */
    public int[] table(int[] itemCounts) {
        int k = scale.size();
        int[] table = new int[k * k];
        for (int i = 0; i < cellsOfItem.size(); i++) {
            int w = itemCounts[i];
            if (w == 0) {
                continue;
            }
            for (int cell : cellsOfItem.get(i)) {
                table[cell] += w;
            }
        }
        return table;
    }

    public int[] table() {
        return table(ItemGroups.distinct(items()).fullCounts());
    }

    public TwoRaterResult result(int[] itemCounts) {
        return TwoRaterAgreement.fromCellCounts(table(itemCounts), scale);
    }

    public TwoRaterResult result() {
        return TwoRaterAgreement.fromCellCounts(table(), scale);
    }

    public ItemGroups groups() {
        return ItemGroups.distinct(items());
    }

    /** Every two-rater statistic with its cluster-bootstrap interval. */
    public Agreement agreement(BootstrapConfig config) {
        TwoRaterResult full = result();
        Map<String, StatWithCi> stats = new LinkedHashMap<>();
        if (items() == 0) {
            full.statistics().forEach((name, e) -> stats.put(name, StatWithCi.without(e, "no items")));
            return new Agreement(0, 0, stats);
        }
        Map<String, BootstrapResult> cis = Bootstrap.cis(groups(), counts -> result(counts).statistics(), config);
        full.statistics().forEach((name, e) -> stats.put(name, StatWithCi.of(cis.get(name))));
        return new Agreement(items(), pairs(), stats);
    }
}
