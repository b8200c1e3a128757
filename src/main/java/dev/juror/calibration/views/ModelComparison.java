package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ItemGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The article's result charts: per policy model (the rollout's {@code metadata.model}) the share of
 * rollouts that follow the output JSON schema, the mean sample score with a bootstrap interval over
 * rollouts, and best-of-k. A rollout the judge could not score (invalid output, no comments) counts
 * as the scale minimum, as the reward would give it; {@code scored} says how many had a judge score.
 *
 * <p>Best-of-k follows the article's "best of k single comment": a rollout's value is its best
 * comment score; per sample, the expected best value when k of the model's rollouts are drawn
 * (the unbiased estimator over all n >= k rollouts: sum over sorted values v_(i) C(i-1, k-1) / C(n, k));
 * the model's best-of-k is the mean over samples with at least k rollouts.
 */
public final class ModelComparison {

    private ModelComparison() {
    }

    /**
     * @param schemaValid      the prediction parses as the required JSON with every field
     * @param sampleScore      the judge's sample score, empty when it could not score the rollout
     * @param bestCommentScore the highest comment score, empty when there is none
     */
    public record RolloutOutcome(String rolloutKey, String sampleId, String model, boolean schemaValid,
                                 OptionalDouble sampleScore, OptionalDouble bestCommentScore) {
    }

    public record ModelRow(String model, int rollouts, @JsonProperty("schema_valid") int schemaValid,
                           @JsonProperty("schema_validity_rate") Estimate validityRate, int scored,
                           @JsonProperty("mean_sample_score") StatWithCi meanSampleScore, int k,
                           @JsonProperty("best_of_k") Estimate bestOfK,
                           @JsonProperty("best_of_k_samples") int bestOfKSamples) {
    }

    public static List<ModelRow> compare(List<RolloutOutcome> outcomes, double scaleMin, int k, BootstrapConfig config) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        Map<String, List<RolloutOutcome>> byModel = new TreeMap<>();
        outcomes.forEach(o -> byModel.computeIfAbsent(o.model().isEmpty() ? "(unknown)" : o.model(),
                m -> new ArrayList<>()).add(o));
        List<ModelRow> rows = new ArrayList<>();
        byModel.forEach((model, list) -> {
            int valid = (int) list.stream().filter(RolloutOutcome::schemaValid).count();
            int scored = (int) list.stream().filter(o -> o.sampleScore().isPresent()).count();
            double[] scores = list.stream().mapToDouble(o -> o.sampleScore().orElse(scaleMin)).toArray();
            StatWithCi mean = StatWithCi.of(Bootstrap.ci(ItemGroups.distinct(scores.length),
                    counts -> weightedMean(scores, counts), config));
            Map<String, List<Double>> bySample = new TreeMap<>();
            list.forEach(o -> bySample.computeIfAbsent(o.sampleId(), s -> new ArrayList<>())
                    .add(o.bestCommentScore().orElse(scaleMin)));
            double sum = 0;
            int used = 0;
            for (List<Double> values : bySample.values()) {
                if (values.size() >= k) {
                    sum += expectedBestOf(values.stream().mapToDouble(Double::doubleValue).toArray(), k);
                    used++;
                }
            }
            Estimate best = used == 0 ? Estimate.undefined("no sample has " + k + " or more rollouts of this model")
                    : Estimate.of(sum / used);
            rows.add(new ModelRow(model, list.size(), valid, Estimate.of((double) valid / list.size()), scored, mean, k,
                    best, used));
        });
        return rows;
    }

    /** Expected maximum of k values drawn without replacement from {@code values} (n >= k). */
    public static double expectedBestOf(double[] values, int k) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        if (k > n) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + n + " values");
        }
        double total = 0;
        for (int i = k; i <= n; i++) {
            total += v[i - 1] * binomial(i - 1, k - 1) / binomial(n, k);
        }
        return total;
    }

    private static double binomial(int n, int r) {
        double b = 1;
        for (int j = 1; j <= r; j++) {
            b = b * (n - r + j) / j;
        }
        return b;
    }

    private static Estimate weightedMean(double[] values, int[] counts) {
        double s = 0;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            s += values[i] * counts[i];
            n += counts[i];
        }
        return n == 0 ? Estimate.undefined("no rollouts") : Estimate.of(s / n);
    }
}
