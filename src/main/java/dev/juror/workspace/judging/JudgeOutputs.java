package dev.juror.workspace.judging;

import dev.juror.store.JudgeResultRow;
import dev.juror.store.JudgeScoreDetail;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.Repositories;
import dev.juror.store.StoredJudgeRun;
import dev.juror.store.Workspace;
import dev.juror.workspace.WorkspaceLookups;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a judge run said about the rollouts an expert labels, as the review desk's judge panel reads
 * it: the pointwise runs of a rubric, every score of a run (cheap: numbers only), and one rollout's
 * results in every repeat with the judge's justifications and raw answer.
 */
public final class JudgeOutputs {

    private final Repositories repositories;

    public JudgeOutputs(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public JudgeOutputs(Repositories repositories) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
    }

    /** The pointwise runs of a rubric, newest first. */
    public List<StoredJudgeRun> runsOf(String rubricName) {
        return new WorkspaceLookups(repositories).runsOf(rubricName).stream().filter(r -> !r.pairwise()).toList();
    }

    /** Every dimension score of a run, by rollout, repeat and comment. */
    public List<JudgeScoreRow> scoresOf(long runId) {
        return repositories.judgeResults().scoresOf(runId);
    }

    /** One repeat's result of a rollout with its per-comment, per-dimension scores and justifications. */
    public record Repeat(JudgeResultRow result, List<JudgeScoreDetail> scores) {

        public Repeat {
            scores = List.copyOf(scores);
        }
    }

    /**
     * A rollout as a run judged it: the run and one entry per repeat stored so far.
     *
     * @param repeats empty when the run has not judged the rollout (yet)
     */
    public record RolloutJudgement(StoredJudgeRun run, List<Repeat> repeats) {

        public RolloutJudgement {
            repeats = List.copyOf(repeats);
        }
    }

    /** How run {@code runId} judged rollout {@code rolloutId}; empty when the workspace has no such run. */
    public Optional<RolloutJudgement> judgementOf(long runId, long rolloutId) {
        return repositories.judgeRuns().find(runId).map(run -> new RolloutJudgement(run,
                repositories.judgeResults().resultsOfRollout(runId, rolloutId).stream()
                        .map(r -> new Repeat(r, repositories.judgeResults().scoreDetailsOf(r.id()))).toList()));
    }
}
