package dev.juror.calibration.stats;

import static dev.juror.calibration.stats.RatingMatrix.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff's alpha against the reference test vectors (calibration-stats.md section 2.1).
 * Published values are printed to 3 decimals (tolerance 5e-4); the cross-computed values to 6
 * decimals, so they are asserted to 5e-7 (the printed precision), not 1e-9.
 */
class KrippendorffTest {

    private static final int M = MISSING;
    private static final double SIX_DECIMALS = 5e-7;
    private static final double PUBLISHED = 5e-4;

    /** TV-01: Krippendorff (2011), 4 observers x 12 units, values 1..5, missing data. */
    @Nested
    class Tv01 {
        private final RatingMatrix data = RatingMatrix.ofRaterRows(
                new int[] {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
                new int[] {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
                new int[] {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
                new int[] {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M});

        @Test
        void coincidenceMatrixMatchesThePublishedIntermediate() {
            UnitCounts units = UnitCounts.of(data);
            double[] o = Krippendorff.prepare(units).coincidences(units.fullCounts());
            double t = 1.0 / 3;
            double q = 4.0 / 3;
            double[] expected = {
                7, q, t, t, 0,
                q, 10, q, t, 0,
                t, q, 8, t, 0,
                t, t, t, 4, 0,
                0, 0, 0, 0, 3};
            assertThat(o).containsExactly(expected, within(1e-12));
            double[] nc = new double[5];
            for (int c = 0; c < 5; c++) {
                for (int d = 0; d < 5; d++) {
                    nc[c] += o[c * 5 + d];
                }
            }
            assertThat(nc).containsExactly(new double[] {9, 13, 10, 5, 3}, within(1e-12));
        }

        @Test
        void alphaAtEveryLevel() {
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.743421, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.ORDINAL).value()).isCloseTo(0.815388, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value()).isCloseTo(0.849107, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.RATIO).value()).isCloseTo(0.797403, within(SIX_DECIMALS));
        }

        @Test
        void publishedThreeDecimalValues() {
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.743, within(PUBLISHED));
            assertThat(Krippendorff.alpha(data, Level.ORDINAL).value()).isCloseTo(0.815, within(PUBLISHED));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value()).isCloseTo(0.849, within(PUBLISHED));
            assertThat(Krippendorff.alpha(data, Level.RATIO).value()).isCloseTo(0.797, within(PUBLISHED));
        }

        @Test
        void ordinalDisagreementsMatchTheIntermediateDoAndDe() {
            // D_o = 47.275 and D_e = 256.076923 for the ordinal metric: alpha = 1 - D_o/D_e
            assertThat(Krippendorff.alpha(data, Level.ORDINAL).value())
                    .isCloseTo(1 - 47.275 / 256.076923, within(1e-8));
            // nominal D_o 0.2, D_e 0.779487; interval 0.433333 / 2.871795
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(1 - 0.2 / 0.779487, within(1e-6));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value())
                    .isCloseTo(1 - 0.433333 / 2.871795, within(1e-6));
        }

        @Test
        void theSingleValuedUnitTwelveIsIgnored() {
            int[][] withoutTwelve = new int[4][11];
            for (int r = 0; r < 4; r++) {
                for (int u = 0; u < 11; u++) {
                    withoutTwelve[r][u] = data.score(u, r);
                }
            }
            RatingMatrix trimmed = RatingMatrix.ofRaterRows(withoutTwelve);
            for (Level level : Level.values()) {
                assertThat(Krippendorff.alpha(trimmed, level).value())
                        .isEqualTo(Krippendorff.alpha(data, level).value());
            }
        }
    }

    /** TV-02: Wikipedia computational example, 3 coders x 15 units. */
    @Nested
    class Tv02 {
        private final RatingMatrix data = RatingMatrix.ofRaterRows(
                new int[] {M, M, M, M, M, 3, 4, 1, 2, 1, 1, 3, 3, M, 3},
                new int[] {1, M, 2, 1, 3, 3, 4, 3, M, M, M, M, M, M, M},
                new int[] {M, M, 2, 1, 3, 4, 4, M, 2, 1, 1, 3, 3, M, 4});

        @Test
        void alphaAtEveryLevel() {
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.691358, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value()).isCloseTo(0.810845, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.ORDINAL).value()).isCloseTo(0.806721, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.RATIO).value()).isCloseTo(0.808944, within(SIX_DECIMALS));
        }

        @Test
        void sameDataAsValueCounts() {
            int[][] counts = {
                {1, 0, 0, 0}, {0, 0, 0, 0}, {0, 2, 0, 0}, {2, 0, 0, 0}, {0, 0, 2, 0}, {0, 0, 2, 1}, {0, 0, 0, 3},
                {1, 0, 1, 0}, {0, 2, 0, 0}, {2, 0, 0, 0}, {2, 0, 0, 0}, {0, 0, 2, 0}, {0, 0, 2, 0}, {0, 0, 0, 0},
                {0, 0, 1, 1}};
            UnitCounts units = UnitCounts.ofValueCounts(counts, new double[] {1, 2, 3, 4});
            assertThat(Krippendorff.alpha(units, Level.NOMINAL).value()).isCloseTo(0.691358, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(units, Level.INTERVAL).value()).isCloseTo(0.810845, within(SIX_DECIMALS));
        }
    }

    /** TV-04: Krippendorff (1980) and (2004) examples. */
    @Nested
    class Tv04 {
        @Test
        void a_binaryTwoCoders() {
            RatingMatrix data = RatingMatrix.ofRaterRows(
                    new int[] {0, 1, 0, 0, 0, 0, 0, 0, 1, 0},
                    new int[] {0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.095238, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.095, within(PUBLISHED));
        }

        @Test
        void b_threeCodersNineUnits() {
            RatingMatrix data = RatingMatrix.ofItemRows(new int[][] {
                {1, 1, 1}, {1, 2, 2}, {2, 2, 2}, {4, 4, 4}, {1, 4, 4}, {2, 2, 2}, {1, 2, 3}, {3, 3, 3}, {2, 2, 2}});
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.641732, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value()).isCloseTo(0.546917, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.RATIO).value()).isCloseTo(0.483254, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.ORDINAL).value()).isCloseTo(0.499424, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.642, within(PUBLISHED));
            assertThat(Krippendorff.alpha(data, Level.INTERVAL).value()).isCloseTo(0.547, within(PUBLISHED));
            assertThat(Krippendorff.alpha(data, Level.RATIO).value()).isCloseTo(0.483, within(PUBLISHED));
        }

        @Test
        void c_twoCodersTwelveUnits() {
            // a, b, c coded as 1, 2, 3 (nominal: the codes do not matter)
            RatingMatrix data = RatingMatrix.ofItemRows(new int[][] {
                {1, 1}, {1, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 2}, {2, 3}, {3, 3}, {3, 3}, {3, 3}, {3, 3}, {3, 3}});
            assertThat(Krippendorff.alpha(data, Level.NOMINAL).value()).isCloseTo(0.734104, within(SIX_DECIMALS));
        }

        @Test
        void d_contingencyTablesGiveTheSameAlpha() {
            RatingMatrix t4a = KappaTest.pairsFromTable(new int[][] {{12, 9, 9}, {9, 14, 9}, {9, 9, 20}});
            RatingMatrix t4b = KappaTest.pairsFromTable(new int[][] {{12, 18, 18}, {0, 14, 18}, {0, 0, 20}});
            assertThat(Krippendorff.alpha(t4a, Level.NOMINAL).value()).isCloseTo(0.189837, within(SIX_DECIMALS));
            assertThat(Krippendorff.alpha(t4b, Level.NOMINAL).value()).isCloseTo(0.189837, within(SIX_DECIMALS));
        }
    }

    /** TV-09: alpha nominal from the Fleiss diagnoses counts. */
    @Test
    void tv09_alphaFromFleissCounts() {
        UnitCounts units = UnitCounts.ofValueCounts(FleissKappaTest.DIAGNOSES, new double[] {1, 2, 3, 4, 5});
        assertThat(Krippendorff.alpha(units, Level.NOMINAL).value()).isCloseTo(0.4334098283, within(1e-9));
    }

    /** TV-16: degenerate inputs give an explicit undefined result. */
    @Nested
    class Tv16 {
        @Test
        void allValuesIdenticalIsUndefined() {
            RatingMatrix same = RatingMatrix.ofItemRows(new int[][] {{3, 3}, {3, 3}, {3, 3}});
            for (Level level : Level.values()) {
                Estimate alpha = Krippendorff.alpha(same, level);
                assertThat(alpha).isInstanceOf(Estimate.Undefined.class);
                assertThat(((Estimate.Undefined) alpha).reason()).contains("equal");
            }
        }

        @Test
        void noPairableUnitIsUndefined() {
            RatingMatrix lonely = RatingMatrix.ofRaterRows(new int[] {1, M, 3}, new int[] {M, 2, M});
            Estimate alpha = Krippendorff.alpha(lonely, Level.NOMINAL);
            assertThat(alpha).isInstanceOf(Estimate.Undefined.class);
            assertThat(((Estimate.Undefined) alpha).reason()).contains("at least two raters");
        }

        @Test
        void emptyMatrixIsUndefined() {
            assertThat(Krippendorff.alpha(RatingMatrix.ofItemRows(new int[0][]), Level.ORDINAL).isDefined()).isFalse();
        }
    }
}
