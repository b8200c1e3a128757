package dev.juror.calibration.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.calibration.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueRecallTest {

    @Test
    void anIssueIsCoveredWhenALocatedExcerptOverlapsItsPassage() {
        List<int[]> issues = List.of(new int[] {10, 20}, new int[] {50, 60}, new int[] {100, 110});
        List<int[]> comments = List.of(new int[] {15, 30}, new int[] {60, 70}, new int[] {-1, -1});
        boolean[] covered = IssueRecall.covered(issues, comments);
        // [60, 70) touches [50, 60) only at its end: no overlap
        assertThat(covered).containsExactly(true, false, false);
        assertThat(IssueRecall.recall(covered)).isEqualTo(1 / 3.0);
        assertThat(IssueRecall.recall(new boolean[0])).isEqualTo(1.0);
    }

    @Test
    void aJudgeThatRewardsLowRecallIsListedAndTheCorrelationSaysSo() {
        List<IssueRecall.RolloutRecall> rollouts = List.of(
                new IssueRecall.RolloutRecall("s/0", 4, 1, 0.25, 0.95),   // one safe comment, high score
                new IssueRecall.RolloutRecall("s/1", 4, 4, 1.0, 0.40),
                new IssueRecall.RolloutRecall("s/2", 4, 0, 0.0, 0.80),
                new IssueRecall.RolloutRecall("s/3", 4, 3, 0.75, 0.50));
        IssueRecall.Report report = IssueRecall.report("run-1", rollouts);
        assertThat(report.rollouts()).isEqualTo(4);
        assertThat(report.meanRecall()).isEqualTo(0.5);
        assertThat(report.rewardedWithLowRecall()).extracting(IssueRecall.RolloutRecall::rolloutKey)
                .containsExactly("s/2", "s/0");
        assertThat(report.spearman()).isInstanceOfSatisfying(Estimate.Defined.class,
                rho -> assertThat(rho.value()).isNegative());
        assertThat(IssueRecall.report("run-1", rollouts.subList(0, 2)).spearman())
                .isInstanceOf(Estimate.Undefined.class);
    }
}
