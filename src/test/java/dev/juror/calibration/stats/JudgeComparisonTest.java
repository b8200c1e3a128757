package dev.juror.calibration.stats;

import static dev.juror.calibration.stats.RatingMatrix.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JudgeComparisonTest {

    private static final ScoreRange SCALE = new ScoreRange(1, 5);

    @Test
    void eachJudgeMatchesItsTwoRaterResultOnTheCommonItems() {
        int[] human = {1, 2, 3, 4, 5, 3, MISSING, 2};
        int[] oldJudge = {1, 2, 3, 4, 4, 3, 5, 2};
        int[] newJudge = {2, 2, 4, 4, 5, MISSING, 5, 1};
        JudgeComparison c = JudgeComparison.of(oldJudge, newJudge, human, SCALE);
        assertThat(c.comparedItems()).isEqualTo(6); // items 6 (no human) and 5 (no new score) excluded
        int[] h = {1, 2, 3, 4, 5, 2};
        assertThat(c.first()).isEqualTo(TwoRaterAgreement.compute(new int[] {1, 2, 3, 4, 4, 2}, h, SCALE));
        assertThat(c.second()).isEqualTo(TwoRaterAgreement.compute(new int[] {2, 2, 4, 4, 5, 1}, h, SCALE));
    }

    @Test
    void pairedIntervalDetectsADegradedJudge() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 400;
        int[] human = new int[n];
        int[] good = new int[n];
        int[] worse = new int[n];
        for (int i = 0; i < n; i++) {
            human[i] = 1 + rng.nextInt(5);
            good[i] = clamp(human[i] + (rng.nextInt(5) == 0 ? rng.nextInt(3) - 1 : 0));
            worse[i] = rng.nextInt(3) == 0 ? 1 + rng.nextInt(5) : good[i];
        }
        JudgeComparison c = JudgeComparison.of(good, worse, human, SCALE);
        BootstrapResult diff = c.differenceInterval(TwoRaterResult.KAPPA_QUADRATIC, BootstrapConfig.defaults(3));
        double expected = c.first().kappaQuadratic().value() - c.second().kappaQuadratic().value();
        assertThat(diff.estimate().value()).isCloseTo(expected, within(1e-12));
        Interval.Bounds bca = (Interval.Bounds) diff.bca();
        assertThat(bca.low()).isGreaterThan(0); // the good judge is better: CI of the difference excludes 0
        BootstrapResult same = JudgeComparison.of(good, good, human, SCALE)
                .differenceInterval(TwoRaterResult.KAPPA_QUADRATIC, BootstrapConfig.defaults(3));
        assertThat(((Interval.Bounds) same.percentile()).contains(0)).isTrue();
    }

    @Test
    void unknownStatisticNameIsRejected() {
        JudgeComparison c = JudgeComparison.of(new int[] {1, 2}, new int[] {1, 2}, new int[] {1, 2}, SCALE);
        assertThatThrownBy(() -> c.difference("kapa").evaluate(c.groups().fullCounts()))
                .hasMessageContaining("kappa_quadratic");
    }

    @Test
    void leaveOneRaterOut() {
        RatingMatrix m = RatingMatrix.ofItemRows(new int[][] {{1, 2, 3}, {4, MISSING, 5}});
        RatingMatrix without = m.withoutRater(1);
        assertThat(without).isEqualTo(RatingMatrix.ofItemRows(new int[][] {{1, 3}, {4, 5}}));
    }

    private static int clamp(int v) {
        return Math.max(1, Math.min(5, v));
    }
}
