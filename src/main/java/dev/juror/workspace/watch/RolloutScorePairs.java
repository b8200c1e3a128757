package dev.juror.workspace.watch;

import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.rating.Rating;
import dev.juror.rubric.Rubric;
import dev.juror.watch.detect.CheckpointScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rollout-level (judge, expert) scores on 0..1 from the item ratings calibration works on: per
 * comment both scored on every dimension, the rubric's comment score; per rollout, the mean of those
 * comments, normalised to 0..1. The experts' rating of an item is the median of the labellers'
 * latest labels; the judge's ratings are already one per item (the median of its repeats).
 */
final class RolloutScorePairs {

    private RolloutScorePairs() {
    }

    /** Pairs of the rollouts that have a comment both scored on every dimension, in rollout-key order. */
    static List<CheckpointScores.Pair> of(Rubric rubric, List<Rating> judge, List<Rating> experts) {
        Map<String, Map<String, Double>> judged = byComment(judge);
        Map<String, Map<String, List<Integer>>> labelled = new TreeMap<>();
        for (Rating r : experts) {
            labelled.computeIfAbsent(r.itemKey(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.dimension(), k -> new ArrayList<>()).add(r.score());
        }
        Set<String> dimensions = Set.copyOf(rubric.dimensionNames());
        Map<String, List<double[]>> byRollout = new TreeMap<>();
        labelled.forEach((comment, scores) -> {
            Map<String, Double> judgeScores = judged.get(comment);
            if (judgeScores == null || !judgeScores.keySet().containsAll(dimensions)
                    || !scores.keySet().containsAll(dimensions)) {
                return;
            }
            Map<String, Double> expert = new LinkedHashMap<>();
            scores.forEach((dimension, values) -> expert.put(dimension,
                    (double) Rating.median(values.stream().mapToInt(Integer::intValue).toArray())));
            expert.keySet().retainAll(dimensions);
            Map<String, Double> judgeOfDims = new LinkedHashMap<>(judgeScores);
            judgeOfDims.keySet().retainAll(dimensions);
            byRollout.computeIfAbsent(ItemKeys.rolloutOf(comment), k -> new ArrayList<>())
                    .add(new double[] {rubric.commentScore(judgeOfDims), rubric.commentScore(expert)});
        });
        List<CheckpointScores.Pair> pairs = new ArrayList<>();
        byRollout.forEach((rollout, comments) -> pairs.add(new CheckpointScores.Pair(rollout,
                rubric.normalise(rubric.sampleScore(comments.stream().map(c -> c[0]).toList())),
                rubric.normalise(rubric.sampleScore(comments.stream().map(c -> c[1]).toList())))));
        return pairs;
    }

    private static Map<String, Map<String, Double>> byComment(List<Rating> ratings) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (Rating r : ratings) {
            out.computeIfAbsent(r.itemKey(), k -> new LinkedHashMap<>()).put(r.dimension(), (double) r.score());
        }
        return out;
    }
}
