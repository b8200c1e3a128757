package dev.juror.app.review;

import dev.juror.app.workspace.WorkspaceRubrics;
import dev.juror.rubric.Preference;
import dev.juror.store.NewPreference;
import dev.juror.store.StoredPreference;
import dev.juror.store.StoredRollout;
import dev.juror.workspace.Preferences.PairToLabel;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the pairwise desk reads and writes: the pairwise rubrics, the pairs to compare, the two
 * rollouts of a pair, the preferences so far, a submit, and the judge's verdicts on a pair (shown
 * only after the labeller's own). Called on background threads only. {@link ReviewData} gives the
 * open workspace; tests give a fake.
 */
public interface PairSource {

    /** The pairwise rubrics of the workspace's rubrics folder. */
    WorkspaceRubrics.RubricList pairwiseRubrics() throws IOException;

    List<PairToLabel> pairs(String rubricName);

    /** The pair's two rollouts, its first one first. */
    List<StoredRollout> openPair(PairToLabel pair);

    List<StoredPreference> latestPreferences();

    /** Stores one submit; committed before this returns. */
    List<StoredPreference> submitPreferences(List<NewPreference> preferences);

    /** The newest pairwise judge run's verdict per dimension, in the pair's naming (A = its first rollout). */
    Map<String, Preference> judgeVerdicts(String rubricName, PairToLabel pair);
}
