package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Krippendorff;
import dev.juror.calibration.stats.Level;
import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.ScoreRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Human vs human on doubly-labelled items: the ceiling a judge is measured against. Every unordered
 * pair of labellers on an item is one pair (rater A = the name that sorts first), items are the
 * bootstrap unit. Krippendorff's ordinal alpha over all labellers is given beside it.
 *
 * @param doublyCovered items labelled by at least two humans
 */
public record HumanCeiling(@JsonProperty("doubly_covered_items") int doublyCovered, Agreement agreement,
                           @JsonProperty("alpha_ordinal") Estimate alphaOrdinal) {

    public static HumanCeiling of(Map<Item, Map<String, Rating>> humansByItem, List<String> humans, ScoreRange scale,
                                  BootstrapConfig config) {
        ItemPairs pairs = new ItemPairs(scale);
        List<int[]> rows = new ArrayList<>();
        for (Map.Entry<Item, Map<String, Rating>> e : humansByItem.entrySet()) {
            List<Rating> ratings = ItemScores.values(e.getValue());
            int[] row = new int[humans.size()];
            java.util.Arrays.fill(row, RatingMatrix.MISSING);
            for (Rating r : ratings) {
                row[humans.indexOf(r.rater())] = r.score();
            }
            rows.add(row);
            if (ratings.size() < 2) {
                continue;
            }
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int i = 0; i < ratings.size(); i++) {
                for (int j = i + 1; j < ratings.size(); j++) {
                    a.add(ratings.get(i).score());
                    b.add(ratings.get(j).score());
                }
            }
            pairs.add(e.getKey().itemKey(), toArray(a), toArray(b));
        }
        Estimate alpha = rows.isEmpty() || humans.size() < 2
                ? Estimate.undefined("fewer than two labellers")
                : Krippendorff.alpha(RatingMatrix.ofItemRows(rows.toArray(int[][]::new)), Level.ORDINAL);
        return new HumanCeiling(pairs.items(), pairs.agreement(config), alpha);
    }

    static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
