package dev.juror.reward;

/**
 * The judge part of the composite reward: grades one prediction against the rubric. Implementations
 * are thread-safe (the Lambda scores samples in parallel) and never throw: every failure is a
 * {@link JudgeScores.Failed}. {@link EngineJudgeScorer} asks a judge of the judge engine;
 * tests use stubs.
 */
@FunctionalInterface
public interface JudgeScorer {

    /**
     * @param input the prediction and its documents
     * @param key   identifies the call in logs (e.g. the sample id)
     */
    JudgeScores score(RewardInput input, String key);
}
