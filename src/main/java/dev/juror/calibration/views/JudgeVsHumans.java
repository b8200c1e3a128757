package dev.juror.calibration.views;

import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.ScoreRange;
import java.util.Map;
import java.util.Set;

/**
 * Judge against every human who labelled the item: one pair per (item, labeller), items as the
 * bootstrap unit. Rows of the table are the judge, columns the humans; bias = judge minus humans.
 */
public final class JudgeVsHumans {

    private JudgeVsHumans() {
    }

    /** @param only restrict to these item keys, or null for all */
    public static ItemPairs pairs(Map<Item, Map<String, Rating>> humansByItem, Map<Item, Rating> judge, ScoreRange scale,
                                  Set<String> only) {
        ItemPairs pairs = new ItemPairs(scale);
        for (Map.Entry<Item, Map<String, Rating>> e : humansByItem.entrySet()) {
            Rating j = judge.get(e.getKey());
            if (j == null || e.getValue().isEmpty() || (only != null && !only.contains(e.getKey().itemKey()))) {
                continue;
            }
            int[] a = new int[e.getValue().size()];
            int[] b = new int[a.length];
            int i = 0;
            for (Rating h : e.getValue().values()) {
                a[i] = j.score();
                b[i++] = h.score();
            }
            pairs.add(e.getKey().itemKey(), a, b);
        }
        return pairs;
    }
}
