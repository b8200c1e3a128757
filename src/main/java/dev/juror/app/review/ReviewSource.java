package dev.juror.app.review;

import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import java.io.IOException;
import dev.juror.store.Adjudication;
import dev.juror.store.ExpertIssue;
import dev.juror.store.JudgeScoreRow;
import dev.juror.store.StoredJudgeRun;
import dev.juror.workspace.judging.JudgeOutputs;
import java.util.List;
import java.util.Optional;

/**
 * What the review desk reads and writes: the rubrics it labels with, the rollouts to label, the
 * labels so far, a rollout with its documents, a submit, and what the judge runs said. Called on background threads only.
 * The workbench gives {@link ReviewData} (the open workspace); the desk's one-view test a fake.
 */
public interface ReviewSource {

    /** The pointwise rubrics, the default one first. */
    WorkspaceRubrics.RubricList rubrics() throws IOException;

    /** Every rollout, in file order of the samples (without their text). */
    List<QueueEntry> queue();

    List<StoredLabel> latestLabels();

    /** A rollout with its documents, its comments (or the whole response) located in them. */
    OpenedRollout open(QueueEntry entry, boolean responseLevel);

    /** Stores one submit; committed before this returns. */
    List<StoredLabel> submit(List<NewLabel> labels);

    /** The adjudication that counts per item and dimension. */
    List<Adjudication> adjudications();

    /** Stores the adjudications of one item; committed before this returns. */
    List<Adjudication> adjudicate(List<Adjudication> adjudications);

    /** The issues experts recorded as missed on a sample, in the order recorded. */
    default List<ExpertIssue> expertIssues(String sampleId) {
        return List.of();
    }

    /** Stores one missed issue; committed before this returns. */
    default ExpertIssue recordIssue(ExpertIssue issue) {
        throw new UnsupportedOperationException("this source does not store missed issues");
    }

    /** The pointwise judge runs of a rubric, newest first. */
    List<StoredJudgeRun> judgeRuns(String rubricName);

    /** Every dimension score of a judge run. */
    List<JudgeScoreRow> judgeScores(long runId);

    /** How a judge run judged a rollout, in every repeat; empty when the run is gone. */
    Optional<JudgeOutputs.RolloutJudgement> judgement(long runId, long rolloutId);

    /** The stored review queues, oldest first (none where the source keeps no queues). */
    default List<dev.juror.store.StoredQueue> queues() {
        return List.of();
    }

    /**
     * Chooses rollouts by the request's strategy and stores the queue; committed before this returns.
     *
     * @throws dev.juror.workspace.queues.QueueRequestException when the request cannot be met (a sentence)
     */
    default dev.juror.store.StoredQueue createQueue(dev.juror.workspace.queues.QueueRequest request) {
        throw new UnsupportedOperationException("this desk keeps no review queues");
    }
}
