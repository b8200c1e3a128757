package dev.juror.workspace.queues;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the queue strategies choose from, as plain values (tests build it by hand).
 *
 * @param rollouts     every rollout id, in the workspace's order (samples in file order, then rollout index)
 * @param labelled     rollouts anyone has labelled
 * @param runScores    the judge run's score of each rollout it judged (its sample score, the mean over repeats)
 * @param judgeScores  the judge run's scores per comment (or response), dimension and repeat
 * @param humanScores  everyone's latest label scores as numbers on the rubric's scale
 * @param checkpoints  the checkpoint of each rollout that carries one
 */
public record QueueInputs(List<Long> rollouts, Set<Long> labelled, Map<Long, Double> runScores,
                          List<ItemScore> judgeScores, List<ItemScore> humanScores, Map<Long, String> checkpoints) {

    public QueueInputs {
        rollouts = List.copyOf(rollouts);
        labelled = Set.copyOf(labelled);
        runScores = Map.copyOf(runScores);
        judgeScores = List.copyOf(judgeScores);
        humanScores = List.copyOf(humanScores);
        checkpoints = Map.copyOf(checkpoints);
    }

    /**
     * One score of one dimension of one comment ({@code position} -1: the whole response).
     *
     * @param source the judge's repeat number, or the labeller's name
     */
    public record ItemScore(long rolloutId, int position, String dimension, String source, double score) {

        Item item() {
            return new Item(rolloutId, position, dimension);
        }
    }

    /** A dimension of a comment of a rollout: what a judge and a labeller both score. */
    record Item(long rolloutId, int position, String dimension) {
    }
}
