package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Equal counts per judge score band: the run's rollouts grouped by band, drawn from each band in turn. */
final class StratifiedEngine implements QueueEngine {

    @Override
    public List<Long> rank(QueueInputs inputs, QueueParameters parameters, Random random) {
        Map<String, List<Long>> byBand = new TreeMap<>();
        for (long rollout : inputs.rollouts()) {
            Double score = inputs.runScores().get(rollout);
            if (score != null) {
                parameters.bands().bandOf(score)
                        .ifPresent(band -> byBand.computeIfAbsent(band, b -> new ArrayList<>()).add(rollout));
            }
        }
        return Interleaving.of(byBand.values(), random);
    }

    @Override
    public String whyEmpty(QueueParameters parameters) {
        return "judge run " + parameters.runId() + " has no rollout with a score"
                + (parameters.bands().toString().isEmpty() ? "" : " in the bands " + parameters.bands());
    }
}
