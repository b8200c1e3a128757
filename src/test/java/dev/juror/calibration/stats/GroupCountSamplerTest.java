package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The multinomial shortcut must give the same distribution of group counts as drawing items.
 * Chi-square goodness-of-fit against the exact binomial pmf (seeded, so deterministic; the bound is
 * the 99.9% point, so a correct sampler passes for almost every seed and a wrong one fails).
 */
class GroupCountSamplerTest {

    @Test
    void smallBinomialMatchesItsPmf() {
        assertFitsBinomial(20, 0.3, 40_000, 1);
    }

    @Test
    void recursiveBinomialMatchesItsPmf() {
        // n > 16 goes through the order-statistic recursion (several levels at n = 300)
        assertFitsBinomial(60, 0.45, 40_000, 2);
        assertFitsBinomial(300, 0.07, 40_000, 3);
        assertFitsBinomial(300, 0.93, 40_000, 4);
    }

    @Test
    void largeBinomialHasTheRightMeanAndVariance() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 100_000;
        double p = 0.137;
        int draws = 20_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            double x = GroupCountSampler.binomial(rng, n, p);
            sum += x;
            squares += x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        double expectedVariance = n * p * (1 - p);
        assertThat(mean).isCloseTo(n * p, within(4 * Math.sqrt(expectedVariance / draws)));
        assertThat(variance / expectedVariance).isBetween(0.95, 1.05);
    }

    @Test
    void multinomialKeepsTheTotalAndEmptyGroupsStayEmpty() {
        SplittableRandom rng = new SplittableRandom(6);
        int[] sizes = {0, 30, 0, 50, 20};
        double[] meanCounts = new double[sizes.length];
        for (int t = 0; t < 5000; t++) {
            int[] counts = GroupCountSampler.multinomial(sizes, 100, rng);
            assertThat(Arrays.stream(counts).sum()).isEqualTo(100);
            assertThat(counts[0]).isZero();
            assertThat(counts[2]).isZero();
            for (int g = 0; g < sizes.length; g++) {
                meanCounts[g] += counts[g] / 5000.0;
            }
        }
        assertThat(meanCounts[1]).isCloseTo(30, within(0.3));
        assertThat(meanCounts[3]).isCloseTo(50, within(0.3));
        assertThat(meanCounts[4]).isCloseTo(20, within(0.3));
    }

    @Test
    void multinomialAndItemSamplingGiveTheSameIntervalsUpToMonteCarloError() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 2_000;
        int[] human = new int[n];
        int[] judge = new int[n];
        for (int i = 0; i < n; i++) {
            human[i] = 1 + rng.nextInt(5);
            judge[i] = Math.max(1, Math.min(5, human[i] + (rng.nextInt(4) == 0 ? rng.nextInt(3) - 1 : 0)));
        }
        ScoreRange scale = new ScoreRange(1, 5);
        ItemGroups groups = TwoRaterAgreement.pair(judge, human, scale).groups();
        BootstrapConfig config = BootstrapConfig.defaults(12).withResamples(3000);
        Map<String, BootstrapResult> items = Bootstrap.cis(groups, TwoRaterAgreement.statistics(scale),
                config.withSampling(BootstrapConfig.Sampling.ITEMS));
        Map<String, BootstrapResult> multinomial = Bootstrap.cis(groups, TwoRaterAgreement.statistics(scale),
                config.withSampling(BootstrapConfig.Sampling.MULTINOMIAL));
        for (String name : new String[] {TwoRaterResult.KAPPA, TwoRaterResult.KAPPA_QUADRATIC, TwoRaterResult.MAE}) {
            double seItems = items.get(name).standardError().value();
            double seMulti = multinomial.get(name).standardError().value();
            assertThat(seMulti / seItems).as(name).isBetween(0.92, 1.08);
            Interval.Bounds a = (Interval.Bounds) items.get(name).bca();
            Interval.Bounds b = (Interval.Bounds) multinomial.get(name).bca();
            assertThat(b.low()).as(name).isCloseTo(a.low(), within(0.5 * seItems));
            assertThat(b.high()).as(name).isCloseTo(a.high(), within(0.5 * seItems));
        }
    }

    private static void assertFitsBinomial(int n, double p, int draws, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] observed = new long[n + 1];
        for (int i = 0; i < draws; i++) {
            observed[GroupCountSampler.binomial(rng, n, p)]++;
        }
        double[] pmf = new double[n + 1];
        // log-space recurrence avoids underflow of (1-p)^n for n = 300
        double logFirst = n * Math.log(1 - p);
        double log = logFirst;
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(log);
            if (k < n) {
                log += Math.log((double) (n - k) / (k + 1)) + Math.log(p / (1 - p));
            }
        }
        // merge bins so every expected count is at least 5
        double chi = 0;
        int bins = 0;
        double expected = 0;
        long seen = 0;
        for (int k = 0; k <= n; k++) {
            expected += pmf[k] * draws;
            seen += observed[k];
            if (expected >= 5 && (k == n || remaining(pmf, k + 1) * draws >= 5)) {
                chi += (seen - expected) * (seen - expected) / expected;
                bins++;
                expected = 0;
                seen = 0;
            }
        }
        if (expected > 0) {
            chi += (seen - expected) * (seen - expected) / expected;
            bins++;
        }
        int df = bins - 1;
        double z = 3.090232306167813; // 99.9% normal point; Wilson-Hilferty chi-square quantile
        double critical = df * Math.pow(1 - 2.0 / (9 * df) + z * Math.sqrt(2.0 / (9 * df)), 3);
        assertThat(chi).as("chi-square with %d df for Bin(%d, %s)", df, n, p).isLessThan(critical);
    }

    private static double remaining(double[] pmf, int from) {
        double s = 0;
        for (int k = from; k < pmf.length; k++) {
            s += pmf[k];
        }
        return s;
    }
}
