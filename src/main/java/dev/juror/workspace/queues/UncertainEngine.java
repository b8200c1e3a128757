package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Items whose judge repeats disagree: a rollout qualifies when, on some comment and dimension, the
 * run's repeats gave different scores (the judge flipped). Widest flip first, then most flipping
 * items, then the workspace's order. A rollout the judge scored the same every time is left out.
 */
final class UncertainEngine implements QueueEngine {

    @Override
    public List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random) {
        Map<QueueInputs.Item, double[]> ranges = new HashMap<>();
        for (QueueInputs.ItemScore s : inputs.judgeScores()) {
            ranges.merge(s.item(), new double[] {s.score(), s.score()},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<Long, Double> widest = new HashMap<>();
        Map<Long, Integer> flips = new HashMap<>();
        ranges.forEach((item, range) -> {
            double spread = range[1] - range[0];
            if (spread > 1e-9) {
                widest.merge(item.rolloutId(), spread, Math::max);
                flips.merge(item.rolloutId(), 1, Integer::sum);
            }
        });
        List<Long> out = new ArrayList<>(inputs.rollouts().stream().filter(widest::containsKey).toList());
        out.sort(Comparator.comparingDouble((Long r) -> widest.get(r)).reversed()
                .thenComparing(Comparator.comparingInt((Long r) -> flips.get(r)).reversed()));
        return out;
    }

    @Override
    public String whyEmpty(QueueParameters parameters) {
        return "judge run " + parameters.runId() + " gave the same score in every repeat, so no rollout is uncertain";
    }
}
