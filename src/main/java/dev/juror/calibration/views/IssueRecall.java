package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.Correlations;
import dev.juror.calibration.stats.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which issues the experts recorded as missed a rollout's comments covered, and whether the judge
 * rewards rollouts that cover few of them: a judge that gives a high score to one safe comment
 * while the experts' issues go unraised shows up here, not in per-comment agreement.
 *
 * <p>An issue is covered when a comment's excerpt, located in the target document, overlaps the
 * issue's passage. Pure: spans in, coverage and figures out.
 */
public final class IssueRecall {

    /** A rollout's judge score (normalised to [0, 1]) at or above this with recall below {@link #LOW_RECALL} is listed. */
    public static final double HIGH_SCORE = 0.75;
    public static final double LOW_RECALL = 0.5;

    private IssueRecall() {
    }

    /** Per issue, whether any of the comment spans ({@code {start, end}} in the target) overlaps it. */
    public static boolean[] covered(List<int[]> issues, List<int[]> comments) {
        boolean[] covered = new boolean[issues.size()];
        for (int i = 0; i < issues.size(); i++) {
            int[] issue = issues.get(i);
            for (int[] c : comments) {
                if (c[0] >= 0 && c[0] < issue[1] && c[1] > issue[0]) {
                    covered[i] = true;
                    break;
                }
            }
        }
        return covered;
    }

    /** Covered issues over all issues; 1 when there are none (nothing was missed). */
    public static double recall(boolean[] covered) {
        if (covered.length == 0) {
            return 1;
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return n / (double) covered.length;
    }

    /** One rollout of a sample with expert issues: its recall and the judge's score of it. */
    public record RolloutRecall(@JsonProperty("rollout") String rolloutKey, int issues, int covered, double recall,
                                @JsonProperty("judge_score") double judgeScore) {
    }

    /**
     * One judge run's scores against the experts' recall.
     *
     * @param rollouts               rollouts with expert issues and a judge score
     * @param meanRecall             over those rollouts
     * @param spearman               rank correlation of judge score and recall (undefined under 3 rollouts)
     * @param rewardedWithLowRecall  rollouts the judge scored at least {@link #HIGH_SCORE} with recall below
     *                               {@link #LOW_RECALL}, lowest recall first
     */
    public record Report(String run, int rollouts, @JsonProperty("mean_recall") double meanRecall, Estimate spearman,
                         @JsonProperty("rewarded_with_low_recall") List<RolloutRecall> rewardedWithLowRecall) {
    }

    public static Report report(String run, List<RolloutRecall> rollouts) {
        double[] scores = rollouts.stream().mapToDouble(RolloutRecall::judgeScore).toArray();
        double[] recalls = rollouts.stream().mapToDouble(RolloutRecall::recall).toArray();
        double mean = rollouts.isEmpty() ? Double.NaN : java.util.Arrays.stream(recalls).average().orElse(Double.NaN);
        Estimate rho = rollouts.size() < 3 ? Estimate.undefined("fewer than 3 rollouts with expert issues and a"
                + " judge score") : Correlations.spearman(scores, recalls);
        List<RolloutRecall> flagged = new ArrayList<>(rollouts.stream()
                .filter(r -> r.judgeScore() >= HIGH_SCORE && r.recall() < LOW_RECALL).toList());
        flagged.sort(java.util.Comparator.comparingDouble(RolloutRecall::recall)
                .thenComparing(java.util.Comparator.comparingDouble(RolloutRecall::judgeScore).reversed()));
        return new Report(run, rollouts.size(), mean, rho, List.copyOf(flagged));
    }
}
