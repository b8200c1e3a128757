package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Correlations;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ItemGroups;
import dev.juror.rubric.Rubric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement on the sample score (the rubric's aggregate: comment score = weighted mean of the
 * dimensions with the deal-breaker floor, sample score = mean of comment scores). Two raters are
 * compared on a rollout over exactly the comments both scored on every dimension, so a labeller who
 * skipped a comment does not shift the comparison. Sample scores are real numbers: MAE, bias
 * (A - B), Pearson and Spearman, with a cluster bootstrap over rollouts.
 */
public record SampleScoreAgreement(@JsonProperty("n_rollouts") int rollouts, @JsonProperty("n_pairs") int pairs,
                                   StatWithCi mae, StatWithCi bias, StatWithCi pearson, StatWithCi spearman) {

    /** Sample scores of rater A and B on one rollout, over the comments both fully scored. */
    record Pair(double a, double b) {
    }

    /** Judge (A) against every human (B). */
    public static SampleScoreAgreement judgeVsHumans(Rubric rubric, Collection<Rating> judge,
                                                     Collection<Rating> humans, BootstrapConfig config) {
        Map<String, Map<String, Map<String, Map<String, Integer>>>> h = byRolloutRaterComment(humans);
        Map<String, Map<String, Map<String, Map<String, Integer>>>> j = byRolloutRaterComment(judge);
        List<List<Pair>> clusters = new ArrayList<>();
        h.forEach((rollout, byHuman) -> {
            Map<String, Map<String, Map<String, Integer>>> jr = j.get(rollout);
            if (jr == null) {
                return;
            }
            List<Pair> pairs = new ArrayList<>();
            for (Map<String, Map<String, Integer>> judgeComments : jr.values()) {
                for (Map<String, Map<String, Integer>> humanComments : byHuman.values()) {
                    pair(rubric, judgeComments, humanComments).ifPresent(pairs::add);
                }
            }
            if (!pairs.isEmpty()) {
                clusters.add(pairs);
            }
        });
        return of(clusters, config);
    }

    /** Every unordered pair of humans (A = name sorting first). */
    public static SampleScoreAgreement humanVsHuman(Rubric rubric, Collection<Rating> humans, BootstrapConfig config) {
        List<List<Pair>> clusters = new ArrayList<>();
        byRolloutRaterComment(humans).forEach((rollout, byHuman) -> {
            List<Map<String, Map<String, Integer>>> raters = new ArrayList<>(byHuman.values());
            List<Pair> pairs = new ArrayList<>();
            for (int x = 0; x < raters.size(); x++) {
                for (int y = x + 1; y < raters.size(); y++) {
                    pair(rubric, raters.get(x), raters.get(y)).ifPresent(pairs::add);
                }
            }
            if (!pairs.isEmpty()) {
                clusters.add(pairs);
            }
        });
        return of(clusters, config);
    }

    private static java.util.Optional<Pair> pair(Rubric rubric, Map<String, Map<String, Integer>> a,
                                                 Map<String, Map<String, Integer>> b) {
        List<Double> sa = new ArrayList<>();
        List<Double> sb = new ArrayList<>();
        for (String comment : new TreeSet<>(a.keySet())) {
            Map<String, Integer> da = a.get(comment);
            Map<String, Integer> db = b.get(comment);
            if (db == null || !complete(rubric, da) || !complete(rubric, db)) {
                continue;
            }
            sa.add(rubric.commentScore(asDoubles(da)));
            sb.add(rubric.commentScore(asDoubles(db)));
        }
        if (sa.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Pair(rubric.sampleScore(sa), rubric.sampleScore(sb)));
    }

    private static boolean complete(Rubric rubric, Map<String, Integer> dims) {
        return dims.keySet().containsAll(rubric.dimensionNames());
    }

    private static Map<String, Double> asDoubles(Map<String, Integer> dims) {
        Map<String, Double> out = new HashMap<>();
        dims.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    /** rollout -> rater -> comment item key -> dimension -> score. */
    private static Map<String, Map<String, Map<String, Map<String, Integer>>>> byRolloutRaterComment(
            Collection<Rating> ratings) {
        Map<String, Map<String, Map<String, Map<String, Integer>>>> out = new TreeMap<>();
        for (Rating r : ratings) {
            out.computeIfAbsent(ItemKeys.rolloutOf(r.itemKey()), k -> new TreeMap<>())
                    .computeIfAbsent(r.rater(), k -> new TreeMap<>())
                    .computeIfAbsent(r.itemKey(), k -> new TreeMap<>())
                    .put(r.dimension(), r.score());
        }
        return out;
    }

    private static SampleScoreAgreement of(List<List<Pair>> clusters, BootstrapConfig config) {
        int pairs = clusters.stream().mapToInt(List::size).sum();
        ItemGroups groups = ItemGroups.distinct(clusters.size());
        String[] names = {"mae", "bias", "pearson", "spearman"};
        if (clusters.isEmpty()) {
            StatWithCi none = StatWithCi.without(Estimate.undefined("no rollout has sample scores from both raters"),
                    "no items");
            return new SampleScoreAgreement(0, 0, none, none, none, none);
        }
        var cis = Bootstrap.cis(groups, counts -> statistics(clusters, counts, names), config);
        return new SampleScoreAgreement(clusters.size(), pairs, StatWithCi.of(cis.get("mae")),
                StatWithCi.of(cis.get("bias")), StatWithCi.of(cis.get("pearson")), StatWithCi.of(cis.get("spearman")));
    }

    private static Map<String, Estimate> statistics(List<List<Pair>> clusters, int[] counts, String[] names) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (int c = 0; c < counts[i]; c++) {
                for (Pair p : clusters.get(i)) {
                    a.add(p.a());
                    b.add(p.b());
                }
            }
        }
        Map<String, Estimate> out = new java.util.LinkedHashMap<>();
        if (a.isEmpty()) {
            for (String n : names) {
                out.put(n, Estimate.undefined("empty resample"));
            }
            return out;
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        double abs = 0;
        double signed = 0;
        for (int i = 0; i < x.length; i++) {
            abs += Math.abs(x[i] - y[i]);
            signed += x[i] - y[i];
        }
        out.put("mae", Estimate.of(abs / x.length));
        out.put("bias", Estimate.of(signed / x.length));
        out.put("pearson", x.length < 2 ? Estimate.undefined("fewer than 2 pairs") : Correlations.pearson(x, y));
        out.put("spearman", x.length < 2 ? Estimate.undefined("fewer than 2 pairs") : Correlations.spearman(x, y));
        return out;
    }
}
