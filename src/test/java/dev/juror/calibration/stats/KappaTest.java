package dev.juror.calibration.stats;

import static dev.juror.calibration.stats.RatingMatrix.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Cohen's kappa, weighted kappa and Gwet's AC1 against reference vectors (section 2.2, 2.3). */
class KappaTest {

    private static final double SIX_DECIMALS = 5e-7;

    /** Flattens a table (rows rater A, columns rater B) into cell counts. */
    static int[] cells(int[][] table) {
        int k = table.length;
        int[] cells = new int[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cells[i * k + j] = table[i][j];
            }
        }
        return cells;
    }

    /** Expands a table into item rows (A, B) with categories 1..K. */
    static RatingMatrix pairsFromTable(int[][] table) {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table.length; j++) {
                for (int t = 0; t < table[i][j]; t++) {
                    rows.add(new int[] {i + 1, j + 1});
                }
            }
        }
        return RatingMatrix.ofItemRows(rows.toArray(new int[0][]));
    }

    static TwoRaterResult fromTable(int[][] table) {
        return TwoRaterAgreement.fromCellCounts(cells(table), new ScoreRange(1, table.length));
    }

    /** TV-04 (c, d): Krippendorff (2004) examples, kappa parts. */
    @Nested
    class Tv04 {
        @Test
        void a_binaryPairs() {
            int[] c1 = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
            int[] c2 = {0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
            TwoRaterResult r = TwoRaterAgreement.compute(c1, c2, ScoreRange.binary());
            assertThat(r.kappa().value()).isCloseTo(0.090909, within(SIX_DECIMALS));
            assertThat(r.exact().value()).isCloseTo(0.600, within(1e-12));
        }

        @Test
        void d_kappaRewardsDifferentMarginals() {
            TwoRaterResult a = fromTable(new int[][] {{12, 9, 9}, {9, 14, 9}, {9, 9, 20}});
            TwoRaterResult b = fromTable(new int[][] {{12, 18, 18}, {0, 14, 18}, {0, 0, 20}});
            assertThat(a.exact().value()).isCloseTo(0.46, within(1e-12));
            assertThat(b.exact().value()).isCloseTo(0.46, within(1e-12));
            assertThat(a.kappa().value()).isCloseTo(0.185766, within(SIX_DECIMALS));
            assertThat(b.kappa().value()).isCloseTo(0.258242, within(SIX_DECIMALS));
        }
    }

    /** TV-06: scikit-learn test_cohen_kappa. */
    @Nested
    class Tv06 {
        private final int[] y1 = concat(repeat(0, 46), repeat(1, 44), repeat(2, 10));
        private final int[] y2 = concat(repeat(0, 50), repeat(1, 40), repeat(2, 10));
        private final ScoreRange scale = new ScoreRange(0, 2);

        @Test
        void unweightedLinearQuadratic() {
            TwoRaterResult r = TwoRaterAgreement.compute(y1, y2, scale);
            assertThat(r.kappa().value()).isCloseTo(0.931507, within(SIX_DECIMALS));
            assertThat(r.kappaLinear().value()).isCloseTo(0.941176, within(SIX_DECIMALS));
            assertThat(r.kappaQuadratic().value()).isCloseTo(0.954128, within(SIX_DECIMALS));
            assertThat(r.kappa().value()).isCloseTo(0.9315, within(5e-5));
            assertThat(r.kappaLinear().value()).isCloseTo(0.9412, within(5e-5));
            assertThat(r.kappaQuadratic().value()).isCloseTo(0.9541, within(5e-5));
        }

        @Test
        void symmetricAndPerfectOnItself() {
            TwoRaterResult ab = TwoRaterAgreement.compute(y1, y2, scale);
            TwoRaterResult ba = TwoRaterAgreement.compute(y2, y1, scale);
            assertThat(ba.kappa().value()).isCloseTo(ab.kappa().value(), within(1e-15));
            assertThat(TwoRaterAgreement.compute(y1, y1, scale).kappa().value()).isEqualTo(1.0);
        }

        @Test
        void scoresOutsideTheDeclaredScaleAreRejectedNotIgnored() {
            // scikit-learn silently ignores labels outside `labels`; Juror refuses them instead, so
            // an undeclared score can never vanish from the statistics unnoticed.
            int[] a = concat(y1, repeat(2, 4));
            int[] b = concat(y2, repeat(2, 4));
            assertThatThrownBy(() -> TwoRaterAgreement.compute(a, b, new ScoreRange(0, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the scale 0..1");
        }
    }

    /** TV-07: Cohen (1960). */
    @Nested
    class Tv07 {
        @Test
        void a_negativeKappa() {
            TwoRaterResult r = fromTable(new int[][] {{25, 12, 3}, {13, 2, 15}, {12, 16, 2}});
            assertThat(r.exact().value()).isCloseTo(0.29, within(1e-12));
            assertThat(r.kappa().value()).isCloseTo(-0.06 / 0.65, within(1e-12));
            assertThat(r.kappa().value()).isCloseTo(-0.092308, within(SIX_DECIMALS));
            assertThat(r.gwetAc1().value()).isCloseTo(-0.04797, within(5e-6));
        }

        @Test
        void b_moderateKappa() {
            TwoRaterResult r = fromTable(new int[][] {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}});
            assertThat(r.exact().value()).isCloseTo(0.70, within(1e-12));
            assertThat(r.kappa().value()).isCloseTo(0.491525, within(SIX_DECIMALS));
            assertThat(r.kappa().value()).isCloseTo(0.492, within(5e-4));
            assertThat(r.gwetAc1().value()).isCloseTo(0.57597, within(5e-6));
        }
    }

    /** TV-14: prevalence paradox and irrCAC AC1 fixtures. */
    @Nested
    class Tv14 {
        @Test
        void paradox2x2() {
            // rows rater1 pass/fail: on Juror's binary scale pass is the HIGHER category, so the
            // table is mirrored; kappa and AC1 do not depend on the category order.
            TwoRaterResult r = TwoRaterAgreement.fromCellCounts(cells(new int[][] {{5, 8}, {7, 80}}), ScoreRange.binary());
            assertThat(r.exact().value()).isCloseTo(0.85, within(1e-12));
            assertThat(r.gwetAc1().value()).isCloseTo(0.808, within(1e-12)); // (0.85-0.21875)/(1-0.21875) exactly
            assertThat(r.kappa().value()).isCloseTo(0.314442, within(SIX_DECIMALS));
            BinaryAgreement b = r.binary().orElseThrow();
            assertThat(b.tpr().value()).isCloseTo(80.0 / 88, within(1e-12)); // rater B passed 7 + 80 + ... = 88
            assertThat(b.tnr().value()).isCloseTo(5.0 / 12, within(1e-12));
            assertThat(b.precision().value()).isCloseTo(80.0 / 87, within(1e-12));
        }

        @Test
        void fourByFour() {
            TwoRaterResult r = fromTable(new int[][] {{20, 5, 1, 0}, {4, 15, 6, 1}, {0, 5, 18, 4}, {0, 1, 3, 12}});
            assertThat(r.exact().value()).isCloseTo(0.684210526315789, within(1e-12));
            assertThat(r.gwetAc1().value()).isCloseTo(0.58046, within(5e-6));
        }

        @Test
        void fiveByFive() {
            TwoRaterResult r = fromTable(new int[][] {
                {15, 4, 1, 0, 0}, {3, 12, 4, 1, 0}, {1, 3, 14, 3, 1}, {0, 1, 3, 10, 2}, {0, 0, 1, 2, 8}});
            assertThat(r.gwetAc1().value()).isCloseTo(0.57997, within(5e-6));
        }
    }

    /**
     * TV-13 itself is kept outside the reference file; its point (weights over the FULL declared
     * scale, not over the categories that occur) is checked by hand. Scores a = (1,2,5), b = (2,1,5)
     * on 1..5 have positions (0,1,4) and (1,0,4): quadratic sum w O = 1 + 1 = 2 and
     * sum w r c / n = (1 + 16 + 1 + 9 + 16 + 9) / 3 = 52/3, so kappa_q = 1 - 6/52. A tool that uses
     * only the observed categories {1,2,5} gives them positions (0,1,2): sum w E = 12/3, kappa_q = 0.5.
     */
    @Test
    void weightedKappaUsesTheFullDeclaredScaleNotTheObservedCategories() {
        TwoRaterResult declared = TwoRaterAgreement.compute(new int[] {1, 2, 5}, new int[] {2, 1, 5}, new ScoreRange(1, 5));
        assertThat(declared.kappaQuadratic().value()).isCloseTo(1 - 6.0 / 52, within(1e-12));
        TwoRaterResult observedOnly = TwoRaterAgreement.compute(new int[] {1, 2, 3}, new int[] {2, 1, 3}, new ScoreRange(1, 3));
        assertThat(observedOnly.kappaQuadratic().value()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void weightedKappaHandComputed() {
        // 3 categories, table rows A, cols B: [[2,1,0],[0,2,1],[0,0,2]], n = 8
        // rows r = (3,3,2), cols c = (2,3,3). Linear: sum w O = 1 + 1 = 2 ;
        // sum w r c / n = [3*3*1 + 3*3*2 + 3*2*1 + 3*3*1 + 2*2*2 + 2*3*1] / 8 = (9+18+6+9+8+6)/8 = 56/8 = 7
        // kappa_linear = 1 - 2/7. Quadratic: sum w O = 2 ; sum w E = (9 + 36 + 6 + 9 + 16 + 6)/8 = 82/8
        // kappa_quadratic = 1 - 2*8/82.
        TwoRaterResult r = fromTable(new int[][] {{2, 1, 0}, {0, 2, 1}, {0, 0, 2}});
        assertThat(r.kappaLinear().value()).isCloseTo(1 - 2.0 / 7, within(1e-12));
        assertThat(r.kappaQuadratic().value()).isCloseTo(1 - 16.0 / 82, within(1e-12));
        assertThat(r.within1().value()).isEqualTo(1.0);
        assertThat(r.mae().value()).isCloseTo(0.25, within(1e-12));
        // bias = mean(A) - mean(B): A = (3*1 + 3*2 + 2*3)/8 = 15/8 ; B = (2 + 6 + 9)/8 = 17/8
        assertThat(r.bias().value()).isCloseTo(-0.25, within(1e-12));
    }

    @Test
    void missingScoresAreDroppedPairwise() {
        int[] a = {1, 2, MISSING, 3, 5};
        int[] b = {1, 3, 4, MISSING, 5};
        TwoRaterResult r = TwoRaterAgreement.compute(a, b, new ScoreRange(1, 5));
        assertThat(r.n()).isEqualTo(3);
        TwoRaterResult complete = TwoRaterAgreement.compute(new int[] {1, 2, 5}, new int[] {1, 3, 5}, new ScoreRange(1, 5));
        assertThat(r).isEqualTo(complete);
    }

    /** TV-16: degenerate inputs. */
    @Nested
    class Tv16 {
        @Test
        void bothRatersConstantAndEqual() {
            TwoRaterResult r = TwoRaterAgreement.compute(new int[] {3, 3, 3}, new int[] {3, 3, 3}, new ScoreRange(1, 5));
            assertThat(r.kappa()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.kappaLinear()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.kappaQuadratic()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.pearson()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.spearman()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.kendallTauB()).isInstanceOf(Estimate.Undefined.class);
            assertThat(r.exact().value()).isEqualTo(1.0);
            assertThat(r.mae().value()).isEqualTo(0.0);
            assertThat(((Estimate.Undefined) r.kappa()).reason()).contains("one and the same category");
        }

        @Test
        void oneRaterConstant() {
            TwoRaterResult r = TwoRaterAgreement.compute(new int[] {3, 3, 3}, new int[] {2, 3, 4}, new ScoreRange(1, 5));
            assertThat(r.kappa().value()).isEqualTo(0.0); // defined: P_o = P_e = 1/3
            assertThat(((Estimate.Undefined) r.pearson()).reason()).contains("rater A");
            assertThat(r.kendallTauB().isDefined()).isFalse();
        }

        @Test
        void fewerThanTwoPairs() {
            TwoRaterResult one = TwoRaterAgreement.compute(new int[] {1}, new int[] {2}, new ScoreRange(1, 5));
            assertThat(one.kappa().isDefined()).isFalse();
            assertThat(one.pearson().isDefined()).isFalse();
            assertThat(one.mae().value()).isEqualTo(1.0);
            TwoRaterResult none = TwoRaterAgreement.compute(new int[] {MISSING}, new int[] {2}, new ScoreRange(1, 5));
            assertThat(none.n()).isZero();
            assertThat(none.exact().isDefined()).isFalse();
            assertThat(none.bias().isDefined()).isFalse();
        }
    }

    @Test
    void binaryStatisticsOnlyOnTwoCategoryScales() {
        assertThat(TwoRaterAgreement.compute(new int[] {1, 2}, new int[] {1, 2}, new ScoreRange(1, 5)).binary()).isEmpty();
        TwoRaterResult r = TwoRaterAgreement.compute(new int[] {0, 0, 0}, new int[] {0, 0, 0}, ScoreRange.binary());
        BinaryAgreement b = r.binary().orElseThrow();
        assertThat(b.tpr().isDefined()).isFalse();
        assertThat(b.tnr().value()).isEqualTo(1.0);
        assertThat(b.precision().isDefined()).isFalse();
    }

    static int[] repeat(int value, int times) {
        return Collections.nCopies(times, value).stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
