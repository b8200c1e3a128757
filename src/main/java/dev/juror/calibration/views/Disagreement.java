package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One row of the disagreement list: an item where the judge and the humans differ, with both
 * rationales so a reviewer can see why.
 *
 * @param gap |judge - mean of the humans|
 */
public record Disagreement(@JsonProperty("item_key") String itemKey, String dimension,
                           @JsonProperty("judge_score") int judgeScore,
                           @JsonProperty("human_mean") double humanMean, double gap,
                           @JsonProperty("judge_rationale") String judgeRationale,
                           @JsonProperty("human_labels") List<HumanLabel> humans) {

    public record HumanLabel(String labeller, int score, String note) {
    }

    /** Items ranked by gap (largest first; ties by dimension, then item), items with gap 0 left out. */
    public static List<Disagreement> rank(Map<Item, Map<String, Rating>> humansByItem, Map<Item, Rating> judge) {
        List<Disagreement> rows = new ArrayList<>();
        humansByItem.forEach((item, raters) -> {
            Rating j = judge.get(item);
            if (j == null || raters.isEmpty()) {
                return;
            }
            double mean = ItemScores.mean(raters.values());
            double gap = Math.abs(j.score() - mean);
            if (gap == 0) {
                return;
            }
            List<HumanLabel> humans = raters.values().stream()
                    .map(r -> new HumanLabel(r.rater(), r.score(), r.rationale())).toList();
            rows.add(new Disagreement(item.itemKey(), item.dimension(), j.score(), mean, gap, j.rationale(), humans));
        });
        rows.sort(Comparator.comparingDouble(Disagreement::gap).reversed()
                .thenComparing(Disagreement::dimension).thenComparing(Disagreement::itemKey));
        return rows;
    }
}
