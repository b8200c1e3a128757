package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap and jackknife. The reference's bootstrap vector (TV-17) is kept outside the reference
 * file, so the method is pinned instead by (1) a hand-computed jackknife acceleration, (2) the BCa
 * and percentile endpoints cross-computed with NumPy/SciPy on fixed bootstrap values, and (3) a
 * coverage simulation on skewed data.
 */
class BootstrapTest {

    /** Mean of item values, items weighted by how often they were drawn. */
    static CountStatistic mean(double[] x) {
        return counts -> {
            double sum = 0;
            long n = 0;
            for (int i = 0; i < x.length; i++) {
                sum += counts[i] * x[i];
                n += counts[i];
            }
            return n == 0 ? Estimate.undefined("no items") : Estimate.of(sum / n);
        };
    }

    @Test
    void jackknifeAccelerationOfTheMeanByHand() {
        // x = (1,2,3,10), mean 4. Leave-one-out means (15,14,13,6)/3; their mean is 4, so
        // theta-bar - theta_(i) = (x_i - 4)/3 = (-3,-2,-1,6)/3. sum d^3 = 180/27, sum d^2 = 50/9,
        // a = (180/27) / (6 (50/9)^1.5) = 180 / (6 * 50^1.5) = 0.0848528137...
        double[] jack = {15.0 / 3, 14.0 / 3, 13.0 / 3, 6.0 / 3};
        assertThat(Bootstrap.acceleration(jack, new int[] {1, 1, 1, 1}))
                .isCloseTo(180 / (6 * Math.pow(50, 1.5)), within(1e-15));
        // grouping identical items must not change it: (1,1,2) as one group of 2 and one of 1
        double[] grouped = {(1 + 2) / 2.0, (1 + 1) / 2.0};
        double[] expanded = {(1 + 2) / 2.0, (1 + 2) / 2.0, (1 + 1) / 2.0};
        assertThat(Bootstrap.acceleration(grouped, new int[] {2, 1}))
                .isCloseTo(Bootstrap.acceleration(expanded, new int[] {1, 1, 1}), within(1e-15));
    }

    @Test
    void bcaAndPercentileEndpointsMatchNumpyOnFixedValues() {
        // Cross-computed with NumPy 2 / SciPy 1.17: ndtri(mean(v < 0.52)), ndtr(...), np.percentile
        // (linear interpolation) for v_i = ((37 i) mod 101)/100 + i/1000, i = 0..199, a = 0.03.
        double[] v = new double[200];
        for (int i = 0; i < 200; i++) {
            v[i] = ((i * 37) % 101) / 100.0 + i / 1000.0;
        }
        Arrays.sort(v);
        Interval.Bounds bca = (Interval.Bounds) Bootstrap.bca(v, 0.52, 0.03, 0.95, 200, 0);
        assertThat(bca.low()).isCloseTo(0.07521107990033854, within(1e-12));
        assertThat(bca.high()).isCloseTo(1.0687716790768975, within(1e-12));
        assertThat(Bootstrap.quantile(v, 0.025)).isCloseTo(0.100525, within(1e-12));
        assertThat(Bootstrap.quantile(v, 0.975)).isCloseTo(1.109025, within(1e-12));
    }

    @Test
    void sameSeedSameIntervalsDifferentSeedDifferent() {
        double[] x = skewedSample(new SplittableRandom(7), 60);
        ItemGroups items = ItemGroups.distinct(x.length);
        BootstrapConfig config = BootstrapConfig.defaults(42).withResamples(500);
        BootstrapResult first = Bootstrap.ci(items, mean(x), config);
        BootstrapResult again = Bootstrap.ci(items, mean(x), config);
        BootstrapResult sequential = Bootstrap.ci(items, mean(x), config.withParallel(false));
        BootstrapResult other = Bootstrap.ci(items, mean(x), config.withSeed(43));
        assertThat(again).isEqualTo(first);
        assertThat(sequential).isEqualTo(first);
        assertThat(other.percentile()).isNotEqualTo(first.percentile());
    }

    @Test
    void resampleDrawsNItemsWithReplacement() {
        ItemGroups items = new ItemGroups(new int[] {0, 0, 1, 2, 2, 2}, 3);
        int[] counts = Bootstrap.resampleCounts(items, 11, 5);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(6);
        assertThat(Bootstrap.resampleCounts(items, 11, 5)).isEqualTo(counts);
    }

    @Test
    void intervalsCoverTheTrueMeanOfSkewedDataAtRoughlyTheNominalRate() {
        // Exponential(1) samples of 40: true mean 1. 95% intervals should cover it about 95% of
        // the time (percentile intervals undercover a little on skewed data; BCa corrects).
        SplittableRandom rng = new SplittableRandom(2024);
        int trials = 300;
        int bcaCover = 0;
        int percentileCover = 0;
        for (int t = 0; t < trials; t++) {
            double[] x = skewedSample(rng, 40);
            BootstrapResult r = Bootstrap.ci(ItemGroups.distinct(x.length), mean(x),
                    BootstrapConfig.defaults(t).withResamples(400));
            bcaCover += ((Interval.Bounds) r.bca()).contains(1.0) ? 1 : 0;
            percentileCover += ((Interval.Bounds) r.percentile()).contains(1.0) ? 1 : 0;
        }
        assertThat(bcaCover / (double) trials).isBetween(0.88, 0.99);
        assertThat(percentileCover / (double) trials).isBetween(0.85, 0.99);
    }

    @Test
    void undefinedResamplesAreCountedAndDroppedWhenFew() {
        // undefined when item 0 is drawn 3+ times: P = 1 - Bin(20, 1/20) mass at 0..2 = 0.0755
        double[] x = skewedSample(new SplittableRandom(3), 20);
        CountStatistic rare = counts -> counts[0] >= 3 ? Estimate.undefined("item 0 thrice") : mean(x).evaluate(counts);
        BootstrapResult r = Bootstrap.ci(ItemGroups.distinct(20), rare, BootstrapConfig.defaults(5).withResamples(1000));
        assertThat(r.undefinedResamples()).isBetween(40, 110);
        assertThat(r.percentile().isAvailable()).isTrue();
        assertThat(((Interval.Bounds) r.percentile()).undefinedResamples()).isEqualTo(r.undefinedResamples());
    }

    @Test
    void intervalIsUnavailableWhenTooManyResamplesAreUndefined() {
        // undefined when item 0 is not drawn: P = (19/20)^20 = 0.358, far above the 10% allowed
        double[] x = skewedSample(new SplittableRandom(3), 20);
        CountStatistic often = counts -> counts[0] == 0 ? Estimate.undefined("item 0 missing") : mean(x).evaluate(counts);
        BootstrapResult r = Bootstrap.ci(ItemGroups.distinct(20), often, BootstrapConfig.defaults(5).withResamples(1000));
        assertThat(r.percentile()).isInstanceOf(Interval.Unavailable.class);
        assertThat(((Interval.Unavailable) r.bca()).reason()).contains("undefined").contains("10%");
        assertThat(r.estimate().isDefined()).isTrue();
    }

    @Test
    void undefinedEstimateGivesNoInterval() {
        BootstrapResult r = Bootstrap.ci(ItemGroups.distinct(5), counts -> Estimate.undefined("never"),
                BootstrapConfig.defaults(1).withResamples(50));
        assertThat(r.percentile().isAvailable()).isFalse();
        assertThat(r.bca().isAvailable()).isFalse();
    }

    @Test
    void pairedDifferenceUsesTheSameResamplesForBothStatistics() {
        // b = a + 0.25 on every resample: a paired bootstrap sees a constant difference (zero-width
        // interval at -0.25, up to rounding), while each statistic alone varies.
        double[] x = skewedSample(new SplittableRandom(9), 50);
        CountStatistic a = mean(x);
        CountStatistic b = counts -> Estimate.of(a.evaluate(counts).value() + 0.25);
        ItemGroups items = ItemGroups.distinct(x.length);
        BootstrapConfig config = BootstrapConfig.defaults(17).withResamples(300);
        BootstrapResult diff = Bootstrap.pairedDifference(items, a, b, config);
        Interval.Bounds p = (Interval.Bounds) diff.percentile();
        assertThat(p.low()).isCloseTo(-0.25, within(1e-12));
        assertThat(p.high()).isCloseTo(-0.25, within(1e-12));
        Interval.Bounds alone = (Interval.Bounds) Bootstrap.ci(items, a, config).percentile();
        assertThat(alone.high() - alone.low()).isGreaterThan(0.1);
    }

    @Test
    void twoRaterStatisticsBootstrapOverCells() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 300;
        int[] human = new int[n];
        int[] judge = new int[n];
        for (int i = 0; i < n; i++) {
            human[i] = 1 + rng.nextInt(5);
            judge[i] = i % 10 == 0 ? RatingMatrix.MISSING : Math.max(1, Math.min(5, human[i] + rng.nextInt(3) - 1));
        }
        ScoreRange scale = new ScoreRange(1, 5);
        PairedCells cells = TwoRaterAgreement.pair(judge, human, scale);
        BootstrapConfig byItems = BootstrapConfig.defaults(99).withResamples(400)
                .withSampling(BootstrapConfig.Sampling.ITEMS);
        Map<String, BootstrapResult> cis = Bootstrap.cis(cells.groups(), TwoRaterAgreement.statistics(scale), byItems);
        TwoRaterResult point = TwoRaterAgreement.compute(judge, human, scale);
        assertThat(cis.keySet()).containsExactlyElementsOf(point.statistics().keySet());
        for (Map.Entry<String, BootstrapResult> e : cis.entrySet()) {
            assertThat(e.getValue().estimate()).isEqualTo(point.statistics().get(e.getKey()));
            Interval.Bounds percentile = (Interval.Bounds) e.getValue().percentile();
            assertThat(percentile.contains(e.getValue().estimate().value())).as(e.getKey()).isTrue();
            if (e.getKey().equals(TwoRaterResult.WITHIN_1)) {
                // the judge is never more than 1 off: every resample gives 1.0, so z0 is infinite
                assertThat(((Interval.Unavailable) e.getValue().bca()).reason()).contains("one side");
                continue;
            }
            Interval.Bounds bca = (Interval.Bounds) e.getValue().bca();
            assertThat(bca.low()).as(e.getKey()).isLessThanOrEqualTo(bca.high());
            assertThat(bca.contains(e.getValue().estimate().value())).as(e.getKey()).isTrue();
        }
        // ITEMS sampling draws the same items whatever the grouping: per-item grouping gives identical CIs
        int[] judgeCells = cells.cellOfItem();
        CountStatistic kappaByItem = counts -> {
            int[] cellCounts = new int[cells.unpaired() + 1];
            for (int i = 0; i < counts.length; i++) {
                cellCounts[judgeCells[i]] += counts[i];
            }
            return TwoRaterAgreement.fromCellCounts(cellCounts, scale).kappaQuadratic();
        };
        BootstrapResult byItem = Bootstrap.ci(ItemGroups.distinct(n), kappaByItem, byItems);
        assertThat(byItem.percentile()).isEqualTo(cis.get(TwoRaterResult.KAPPA_QUADRATIC).percentile());
        assertThat(((Interval.Bounds) byItem.bca()).low())
                .isCloseTo(((Interval.Bounds) cis.get(TwoRaterResult.KAPPA_QUADRATIC).bca()).low(), within(1e-12));
    }

    static double[] skewedSample(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.log(1 - rng.nextDouble());
        }
        return x;
    }
}
