package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Largest judge-vs-human gap first. On each comment and dimension both scored, the gap is the
 * distance between the judge's mean over its repeats and the mean of the labellers' latest scores; a
 * rollout's gap is its largest. Rollouts with no gap (the judge agrees, or nobody labelled them) are
 * left out; equal gaps keep the workspace's order.
 */
final class DisagreementEngine implements QueueEngine {

    @Override
    public List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random) {
        Map<QueueInputs.Item, double[]> judge = sums(inputs.judgeScores());
        Map<QueueInputs.Item, double[]> humans = sums(inputs.humanScores());
        Map<Long, Double> gaps = new HashMap<>();
        humans.forEach((item, human) -> {
            double[] judged = judge.get(item);
            if (judged != null) {
                double gap = Math.abs(judged[0] / judged[1] - human[0] / human[1]);
                gaps.merge(item.rolloutId(), gap, Math::max);
            }
        });
        List<Long> out = new ArrayList<>();
        for (long rollout : inputs.rollouts()) {
            if (gaps.getOrDefault(rollout, 0.0) > 1e-9) {
                out.add(rollout);
            }
        }
        out.sort(Comparator.comparingDouble((Long r) -> gaps.get(r)).reversed()); // stable: ties keep order
        return out;
    }

    /** Sum and count of the scores per item. */
    private static Map<QueueInputs.Item, double[]> sums(List<QueueInputs.ItemScore> scores) {
        Map<QueueInputs.Item, double[]> out = new LinkedHashMap<>();
        for (QueueInputs.ItemScore s : scores) {
            double[] sum = out.computeIfAbsent(s.item(), i -> new double[2]);
            sum[0] += s.score();
            sum[1]++;
        }
        return out;
    }

    @Override
    public String whyEmpty(QueueParameters parameters) {
        return "no rollout has a labeller's score that differs from judge run " + parameters.runId()
                + " (label some of the run's rollouts first)";
    }
}
