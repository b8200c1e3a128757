package dev.juror.calibration.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties every agreement statistic must have, checked on random 1..5 score data. */
class AgreementPropertiesTest {

    private static final ScoreRange SCALE = new ScoreRange(1, 5);

    /** Two raters' item-aligned scores on 1..5, 0..40 items, about 10% missing. */
    record Pair(int[] a, int[] b) {
    }

    @Provide
    Arbitrary<Pair> pairs() {
        Arbitrary<Integer> score = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(RatingMatrix.MISSING)));
        return Arbitraries.integers().between(0, 40).flatMap(n -> Combinators.combine(
                score.array(int[].class).ofSize(n), score.array(int[].class).ofSize(n)).as(Pair::new));
    }

    @Provide
    Arbitrary<int[]> scores() {
        return Arbitraries.integers().between(1, 5).array(int[].class).ofMinSize(0).ofMaxSize(40);
    }

    @Provide
    Arbitrary<int[][]> matrices() {
        Arbitrary<Integer> score = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(RatingMatrix.MISSING)));
        return Arbitraries.integers().between(1, 5).flatMap(raters ->
                score.array(int[].class).ofSize(raters).array(int[][].class).ofMinSize(0).ofMaxSize(30));
    }

    @Property
    void kappaOfIdenticalRatingsIsOneWhenDefined(@ForAll("scores") int[] a) {
        TwoRaterResult r = TwoRaterAgreement.compute(a, a.clone(), SCALE);
        for (Estimate e : new Estimate[] {r.kappa(), r.kappaLinear(), r.kappaQuadratic(), r.gwetAc1()}) {
            if (e.isDefined()) {
                assertThat(e.value()).isCloseTo(1.0, within(1e-12));
            }
        }
        boolean varies = a.length >= 2 && java.util.Arrays.stream(a).distinct().count() > 1;
        assertThat(r.kappa().isDefined()).isEqualTo(varies);
        if (varies) {
            assertThat(r.pearson().value()).isCloseTo(1.0, within(1e-12));
            assertThat(r.kendallTauB().value()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Property
    void symmetricStatisticsDoNotDependOnRaterOrder(@ForAll("pairs") Pair p) {
        Map<String, Estimate> ab = TwoRaterAgreement.compute(p.a(), p.b(), SCALE).statistics();
        Map<String, Estimate> ba = TwoRaterAgreement.compute(p.b(), p.a(), SCALE).statistics();
        for (String name : ab.keySet()) {
            Estimate x = ab.get(name);
            Estimate y = ba.get(name);
            assertThat(x.isDefined()).as(name).isEqualTo(y.isDefined());
            if (!x.isDefined()) {
                continue;
            }
            double expected = name.equals(TwoRaterResult.BIAS) ? -y.value() : y.value();
            assertThat(x.value()).as(name).isCloseTo(expected, within(1e-12));
        }
        RatingMatrix m = RatingMatrix.ofRaterRows(p.a(), p.b());
        RatingMatrix swapped = RatingMatrix.ofRaterRows(p.b(), p.a());
        for (Level level : Level.values()) {
            assertThat(Krippendorff.alpha(m, level)).isEqualTo(Krippendorff.alpha(swapped, level));
        }
    }

    @Property
    void tableStatisticsEqualTheDirectComputations(@ForAll("pairs") Pair p) {
        TwoRaterResult r = TwoRaterAgreement.compute(p.a(), p.b(), SCALE);
        double[][] xy = complete(p);
        Estimate[][] pairs = {
            {r.pearson(), Correlations.pearson(xy[0], xy[1])},
            {r.spearman(), Correlations.spearman(xy[0], xy[1])},
            {r.kendallTauB(), Correlations.kendallTauB(xy[0], xy[1])}};
        for (Estimate[] pair : pairs) {
            assertThat(pair[0].isDefined()).isEqualTo(pair[1].isDefined());
            if (pair[0].isDefined()) {
                assertThat(pair[0].value()).isCloseTo(pair[1].value(), within(1e-12));
            }
        }
    }

    @Property
    void invariantToItemOrder(@ForAll("matrices") int[][] rows, @ForAll long seed) {
        RatingMatrix m = RatingMatrix.ofItemRows(rows);
        int[] order = shuffled(rows.length, seed);
        RatingMatrix permuted = m.permuteItems(order);
        for (Level level : Level.values()) {
            Estimate x = Krippendorff.alpha(m, level);
            Estimate y = Krippendorff.alpha(permuted, level);
            assertThat(x.isDefined()).isEqualTo(y.isDefined());
            if (x.isDefined()) {
                assertThat(x.value()).isCloseTo(y.value(), within(1e-12));
            }
        }
        assertThat(FleissKappa.compute(m).valueOr(-9)).isCloseTo(FleissKappa.compute(permuted).valueOr(-9), within(1e-12));
        if (m.raterCount() >= 2) {
            TwoRaterResult r1 = TwoRaterAgreement.compute(m.raterScores(0), m.raterScores(1), SCALE);
            TwoRaterResult r2 = TwoRaterAgreement.compute(permuted.raterScores(0), permuted.raterScores(1), SCALE);
            assertThat(r2).isEqualTo(r1);
        }
    }

    @Property
    void alphaWithAllValuesEqualIsUndefined(@ForAll @IntRange(min = 1, max = 5) int value,
            @ForAll @IntRange(min = 0, max = 20) int items, @ForAll @IntRange(min = 1, max = 6) int raters) {
        int[][] rows = new int[items][raters];
        for (int[] row : rows) {
            java.util.Arrays.fill(row, value);
        }
        for (Level level : Level.values()) {
            assertThat(Krippendorff.alpha(RatingMatrix.ofItemRows(rows), level)).isInstanceOf(Estimate.Undefined.class);
        }
        assertThat(FleissKappa.compute(RatingMatrix.ofItemRows(rows))).isInstanceOf(Estimate.Undefined.class);
    }

    @Property
    void weightedKappaLiesInMinusOneToOne(@ForAll("pairs") Pair p) {
        TwoRaterResult r = TwoRaterAgreement.compute(p.a(), p.b(), SCALE);
        for (Estimate e : new Estimate[] {r.kappa(), r.kappaLinear(), r.kappaQuadratic()}) {
            if (e.isDefined()) {
                assertThat(e.value()).isBetween(-1.0 - 1e-12, 1.0 + 1e-12);
            }
        }
    }

    @Property
    void noStatisticIsEverNaN(@ForAll("matrices") int[][] rows) {
        RatingMatrix m = RatingMatrix.ofItemRows(rows);
        for (Level level : Level.values()) {
            assertThat(Double.isNaN(Krippendorff.alpha(m, level).valueOr(0))).isFalse();
        }
        if (m.raterCount() >= 2) {
            TwoRaterAgreement.compute(m.raterScores(0), m.raterScores(1), SCALE).statistics().values()
                    .forEach(e -> assertThat(Double.isFinite(e.valueOr(0))).isTrue());
        }
    }

    @Property(tries = 30)
    void bootstrapWithTheSameSeedIsReproducible(@ForAll("pairs") Pair p, @ForAll long seed) {
        PairedCells cells = TwoRaterAgreement.pair(p.a(), p.b(), SCALE);
        BootstrapConfig config = BootstrapConfig.defaults(seed).withResamples(100);
        Map<String, BootstrapResult> first = Bootstrap.cis(cells.groups(), TwoRaterAgreement.statistics(SCALE), config);
        Map<String, BootstrapResult> second = Bootstrap.cis(cells.groups(), TwoRaterAgreement.statistics(SCALE),
                config.withParallel(false));
        assertThat(second).isEqualTo(first);
    }

    private static double[][] complete(Pair p) {
        int n = 0;
        for (int i = 0; i < p.a().length; i++) {
            if (p.a()[i] != RatingMatrix.MISSING && p.b()[i] != RatingMatrix.MISSING) {
                n++;
            }
        }
        double[][] xy = new double[2][n];
        int at = 0;
        for (int i = 0; i < p.a().length; i++) {
            if (p.a()[i] != RatingMatrix.MISSING && p.b()[i] != RatingMatrix.MISSING) {
                xy[0][at] = p.a()[i];
                xy[1][at] = p.b()[i];
                at++;
            }
        }
        return xy;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
