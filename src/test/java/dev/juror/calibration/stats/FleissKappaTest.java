package dev.juror.calibration.stats;

import static dev.juror.calibration.stats.RatingMatrix.MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FleissKappaTest {

    /** TV-09: Fleiss (1971), 30 subjects x 6 raters, counts per category 1..5. */
    static final int[][] DIAGNOSES = {
        {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
        {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
        {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
        {0, 0, 5, 0, 1}, {3, 0, 0, 1, 2}, {5, 1, 0, 0, 0}, {0, 2, 0, 4, 0}, {1, 0, 2, 0, 3},
        {0, 0, 0, 0, 6}, {0, 1, 0, 5, 0}, {0, 2, 0, 1, 3}, {2, 0, 0, 4, 0}, {1, 0, 0, 4, 1},
        {0, 5, 0, 1, 0}, {4, 0, 0, 0, 2}, {0, 2, 0, 4, 0}, {1, 0, 5, 0, 0}, {0, 0, 0, 0, 6}};

    @Test
    void tv09_publishedFleissKappa() {
        UnitCounts units = UnitCounts.ofValueCounts(DIAGNOSES, new double[] {1, 2, 3, 4, 5});
        assertThat(FleissKappa.compute(units).value()).isCloseTo(0.4302445201, within(1e-9));
        assertThat(FleissKappa.compute(units).value()).isCloseTo(0.430, within(5e-4));
    }

    @Test
    void tv09_sameFromARatingMatrix() {
        // expand the counts into 6 rater columns; Fleiss ignores which rater gave which category
        int[][] rows = new int[DIAGNOSES.length][6];
        for (int u = 0; u < DIAGNOSES.length; u++) {
            int r = 0;
            for (int c = 0; c < 5; c++) {
                for (int t = 0; t < DIAGNOSES[u][c]; t++) {
                    rows[u][r++] = c + 1;
                }
            }
        }
        assertThat(FleissKappa.compute(RatingMatrix.ofItemRows(rows)).value()).isCloseTo(0.4302445201, within(1e-9));
    }

    @Test
    void missingDataUsesItemsWithTwoOrMoreRatingsAndPooledShares() {
        // Hand computation. Items: {1,1,2} (m=3), {2,2,.} (m=2), {1,.,.} (dropped, one rating).
        // P_1 = (2^2 + 1^2 - 3) / (3*2) = 2/6 = 1/3 ; P_2 = (2^2 - 2) / (2*1) = 1 ; P-bar = 2/3.
        // pooled shares over the 5 ratings of the two kept items: p_1 = 2/5, p_2 = 3/5 ; P_e = 0.16 + 0.36 = 0.52
        // kappa = (2/3 - 0.52) / 0.48 = 0.305555...
        RatingMatrix m = RatingMatrix.ofItemRows(new int[][] {{1, 1, 2}, {2, 2, MISSING}, {1, MISSING, MISSING}});
        assertThat(FleissKappa.compute(m).value()).isCloseTo((2.0 / 3 - 0.52) / 0.48, within(1e-12));
    }

    @Test
    void degenerateCasesAreUndefined() {
        assertThat(FleissKappa.compute(RatingMatrix.ofItemRows(new int[][] {{2, 2}, {2, 2}})).isDefined()).isFalse();
        assertThat(FleissKappa.compute(RatingMatrix.ofItemRows(new int[][] {{2, MISSING}, {MISSING, 3}})).isDefined())
                .isFalse();
    }
}
