package dev.juror.calibration.stats;

/**
 * Fleiss' kappa (Fleiss 1971; reference section 1.4) generalised to a varying number of ratings
 * per item. Missing data: items with fewer than two ratings are dropped; each remaining item u with
 * m_u ratings has agreement P_u = (sum_k n_uk^2 - m_u) / (m_u (m_u - 1)); P-bar is their mean over
 * items; category shares p_k = sum_u n_uk / sum_u m_u pool all ratings of those items; kappa =
 * (P-bar - P_e) / (1 - P_e) with P_e = sum p_k^2. With the same number of raters on every item
 * this is exactly Fleiss' formula. Krippendorff's alpha is the statistic the reference recommends
 * when data are missing; this generalisation is reported beside it for readers used to Fleiss.
 */
public final class FleissKappa {

    private FleissKappa() {
    }

    public static Estimate compute(RatingMatrix m) {
        UnitCounts units = UnitCounts.of(m);
        return compute(units, units.fullCounts());
    }

    public static Estimate compute(UnitCounts units) {
        return compute(units, units.fullCounts());
    }

    /** Kappa with each pattern of {@code units} weighted by {@code patternCounts}. */
    public static Estimate compute(UnitCounts units, int[] patternCounts) {
        int k = units.categoryCount();
        double[] categoryTotals = new double[k];
        double ratings = 0;
        double items = 0;
        double agreement = 0;
        for (int p = 0; p < units.patternCount(); p++) {
            int w = patternCounts[p];
            if (w == 0) {
                continue;
            }
            int[] counts = units.pattern(p);
            long m = 0;
            long squares = 0;
            for (int c : counts) {
                m += c;
                squares += (long) c * c;
            }
            if (m < 2) {
                continue;
            }
            agreement += w * (double) (squares - m) / (m * (m - 1));
            items += w;
            ratings += (double) w * m;
            for (int c = 0; c < k; c++) {
                categoryTotals[c] += (double) w * counts[c];
            }
        }
        if (items == 0) {
            return Estimate.undefined("no item has scores from at least two raters");
        }
        double pe = 0;
        for (double t : categoryTotals) {
            double share = t / ratings;
            pe += share * share;
        }
        if (pe >= 1) {
            return Estimate.undefined("all scores are in one category: chance agreement is 1");
        }
        double pBar = agreement / items;
        return Estimate.of((pBar - pe) / (1 - pe));
    }
}
