package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.Correlations;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ScoreRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every pair among judge runs and the human consensus on one dimension: quadratic kappa and exact
 * agreement on the items both scored; for each pair of judges, which items they get wrong together
 * (both at least {@code errorThreshold} points from the humans' mean) and the correlation of their
 * signed errors. Correlated errors mean a second judge would not catch the first one's mistakes.
 */
public record CrossJudgeMatrix(String dimension, List<String> raters, List<Cell> cells,
                               @JsonProperty("shared_errors") List<SharedErrors> sharedErrors) {

    public static final String CONSENSUS = "human-consensus";
    public static final int LISTED = 30;

    public record Cell(String a, String b, int n, @JsonProperty("kappa_quadratic") Estimate kappaQuadratic,
                       Estimate exact) {
    }

    /**
     * @param bothWrong     items both judges got wrong
     * @param eitherWrong   items at least one got wrong
     * @param errorCorrelation Pearson correlation of (judge - human mean) over common items
     */
    public record SharedErrors(String a, String b, @JsonProperty("common_items") int common,
                               @JsonProperty("both_wrong") int bothWrong, @JsonProperty("either_wrong") int eitherWrong,
                               @JsonProperty("error_correlation") Estimate errorCorrelation,
                               @JsonProperty("items") List<String> items) {
    }

    public static CrossJudgeMatrix of(String dimension, Map<Item, Map<String, Rating>> humansByItem,
                                      Map<String, Map<Item, Rating>> judges, ScoreRange scale, double errorThreshold) {
        Map<String, Map<Item, Integer>> raters = new LinkedHashMap<>();
        Map<Item, Double> humanMean = new LinkedHashMap<>();
        Map<Item, Integer> consensus = new LinkedHashMap<>();
        humansByItem.forEach((item, r) -> {
            if (item.dimension().equals(dimension) && !r.isEmpty()) {
                humanMean.put(item, ItemScores.mean(r.values()));
                consensus.put(item, ItemScores.consensus(r.values()));
            }
        });
        judges.forEach((run, scores) -> {
            Map<Item, Integer> m = new LinkedHashMap<>();
            scores.forEach((item, r) -> {
                if (item.dimension().equals(dimension)) {
                    m.put(item, r.score());
                }
            });
            raters.put(run, m);
        });
        raters.put(CONSENSUS, consensus);
        List<String> names = List.copyOf(raters.keySet());
        List<Cell> cells = new ArrayList<>();
        List<SharedErrors> shared = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Map<Item, Integer> a = raters.get(names.get(i));
                Map<Item, Integer> b = raters.get(names.get(j));
                ItemPairs pairs = new ItemPairs(scale);
                for (Map.Entry<Item, Integer> e : a.entrySet()) {
                    Integer other = b.get(e.getKey());
                    if (other != null) {
                        pairs.add(e.getKey().itemKey(), e.getValue(), other);
                    }
                }
                var result = pairs.result();
                cells.add(new Cell(names.get(i), names.get(j), pairs.items(), result.kappaQuadratic(), result.exact()));
                if (!names.get(j).equals(CONSENSUS) && !names.get(i).equals(CONSENSUS)) {
                    shared.add(sharedErrors(names.get(i), names.get(j), a, b, humanMean, errorThreshold));
                }
            }
        }
        return new CrossJudgeMatrix(dimension, names, cells, shared);
    }

    private static SharedErrors sharedErrors(String nameA, String nameB, Map<Item, Integer> a, Map<Item, Integer> b,
                                             Map<Item, Double> humanMean, double threshold) {
        List<Double> errA = new ArrayList<>();
        List<Double> errB = new ArrayList<>();
        TreeSet<String> both = new TreeSet<>();
        int either = 0;
        for (Map.Entry<Item, Double> e : humanMean.entrySet()) {
            Integer x = a.get(e.getKey());
            Integer y = b.get(e.getKey());
            if (x == null || y == null) {
                continue;
            }
            double ea = x - e.getValue();
            double eb = y - e.getValue();
            errA.add(ea);
            errB.add(eb);
            boolean wa = Math.abs(ea) >= threshold;
            boolean wb = Math.abs(eb) >= threshold;
            if (wa && wb) {
                both.add(e.getKey().itemKey());
            }
            if (wa || wb) {
                either++;
            }
        }
        Estimate corr = errA.size() < 2 ? Estimate.undefined("fewer than 2 items scored by both judges and a human")
                : Correlations.pearson(errA.stream().mapToDouble(Double::doubleValue).toArray(),
                        errB.stream().mapToDouble(Double::doubleValue).toArray());
        List<String> listed = new ArrayList<>(both);
        return new SharedErrors(nameA, nameB, errA.size(), both.size(), either, corr,
                List.copyOf(listed.subList(0, Math.min(LISTED, listed.size()))));
    }
}
