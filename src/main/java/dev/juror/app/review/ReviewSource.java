package dev.juror.app.review;

import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.store.NewLabel;
import dev.juror.store.StoredLabel;
import java.io.IOException;
import java.util.List;

/**
 * What the review desk reads and writes: the rubrics it labels with, the rollouts to label, the
 * labels so far, a rollout with its documents, and a submit. Called on background threads only.
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
}
