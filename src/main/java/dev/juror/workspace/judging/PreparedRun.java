package dev.juror.workspace.judging;

import dev.juror.judge.run.JudgeSettings;
import dev.juror.rubric.Rubric;
import dev.juror.store.StoredJudgeRun;
import java.util.Optional;

/**
 * A stored run ready to start.
 *
 * @param leftOutWithoutComments rollouts not selected because a comment-level rubric has nothing to grade in them
 * @param leftOutSingleRollout    pairwise: samples left out because they have fewer than two rollouts
 * @param retried                 resume with retry: failed results set aside to be judged again
 * @param batch                   how this session reaches Bedrock's batch inference; empty: on demand
 */
public record PreparedRun(StoredJudgeRun run, Rubric rubric, JudgeSettings settings, int leftOutWithoutComments,
                          int leftOutSingleRollout, int retried, Optional<BatchRequest> batch) {
    public PreparedRun(StoredJudgeRun run, Rubric rubric, JudgeSettings settings, int leftOutWithoutComments,
                       int leftOutSingleRollout) {
        this(run, rubric, settings, leftOutWithoutComments, leftOutSingleRollout, 0, Optional.empty());
    }
}
