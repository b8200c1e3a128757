package dev.juror.workspace.calibration;

import dev.juror.calibration.rating.ItemKeys;
import dev.juror.calibration.views.IssueRecall;
import dev.juror.calibration.views.ModelComparison;
import dev.juror.rubric.Rubric;
import dev.juror.store.Repositories;
import dev.juror.workspace.ExpertIssues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A judge run's rollout scores set against the recall of the issues experts recorded as missed. */
final class MissedIssueRecall {

    private MissedIssueRecall() {
    }

    /** Every rollout of a sample with expert issues, by its calibration key ({@code sampleId/rolloutIndex}). */
    static Map<String, ExpertIssues.Coverage> byRolloutKey(Repositories repositories) {
        Map<String, ExpertIssues.Coverage> out = new LinkedHashMap<>();
        new ExpertIssues(repositories).coverageOfAll().values().forEach(c ->
                out.put(ItemKeys.rollout(c.rollout().sampleId(), c.rollout().index()), c));
        return out;
    }

    static IssueRecall.Report report(String run, Rubric rubric, List<ModelComparison.RolloutOutcome> outcomes,
                                     Map<String, ExpertIssues.Coverage> coverage) {
        List<IssueRecall.RolloutRecall> rollouts = new ArrayList<>();
        for (ModelComparison.RolloutOutcome o : outcomes) {
            ExpertIssues.Coverage c = coverage.get(o.rolloutKey());
            if (c != null && o.sampleScore().isPresent()) {
                rollouts.add(ExpertIssues.recall(o.rolloutKey(), c, rubric.normalise(o.sampleScore().getAsDouble())));
            }
        }
        return IssueRecall.report(run, rollouts);
    }

    static String note(IssueRecall.Report r) {
        if (r.rollouts() == 0) {
            return r.run() + ": no rollout of a sample with missed issues recorded has a judge score";
        }
        return String.format(Locale.ROOT, "%s: against the issues experts recorded as missed, %d rollouts, mean recall"
                        + " %.2f, judge score vs recall Spearman %s; %d rollouts the judge scored %.2f or more cover"
                        + " fewer than half of them", r.run(), r.rollouts(), r.meanRecall(), r.spearman(),
                r.rewardedWithLowRecall().size(), IssueRecall.HIGH_SCORE);
    }
}
