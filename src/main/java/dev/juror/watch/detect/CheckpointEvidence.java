package dev.juror.watch.detect;

import java.util.List;

/**
 * What the report and the Training screen read about a run's checkpoints: judge-versus-expert
 * agreement per checkpoint and the paired scores behind it. Implemented over a workspace by
 * {@code workspace.watch.CheckpointAgreements}; tests give a list.
 */
public interface CheckpointEvidence {

    /** The run's checkpoints by step, each with its agreement ({@code labelled} 0 when nothing is labelled yet). */
    List<CheckpointAgreement> agreements(String run);

    /** The run's checkpoints by step, each with its (judge, expert) score pairs. */
    List<CheckpointScores> scores(String run);
}
