package dev.juror.calibration.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Agreement between rater A (the rater under test, e.g. the judge) and rater B (the reference,
 * e.g. the human) on the items both scored. {@code bias} is mean(A) - mean(B): positive means A
 * scores higher (a lenient judge when A is the judge).
 *
 * @param n              items scored by both raters
 * @param exact          share of items with identical scores
 * @param within1        share of items whose scores differ by at most 1
 * @param kappa          Cohen's kappa (unweighted), over the full declared scale
 * @param kappaLinear    weighted kappa with disagreement weights |i-j|
 * @param kappaQuadratic weighted kappa with disagreement weights (i-j)^2
 * @param spearman       Spearman's rho (average ranks for ties)
 * @param kendallTauB    Kendall's tau-b
 * @param pearson        Pearson's r
 * @param mae            mean absolute difference
 * @param bias           mean(A) - mean(B)
 * @param gwetAc1        Gwet's AC1 over the declared scale
 * @param binary         pass/fail statistics, present only on a two-category scale
 */
public record TwoRaterResult(
        int n,
        Estimate exact,
        Estimate within1,
        Estimate kappa,
        Estimate kappaLinear,
        Estimate kappaQuadratic,
        Estimate spearman,
        Estimate kendallTauB,
        Estimate pearson,
        Estimate mae,
        Estimate bias,
        Estimate gwetAc1,
        Optional<BinaryAgreement> binary) {

    /** Statistic names as used in JSON, in report order. */
    public static final String EXACT = "exact";
    public static final String WITHIN_1 = "within_1";
    public static final String KAPPA = "kappa";
    public static final String KAPPA_LINEAR = "kappa_linear";
    public static final String KAPPA_QUADRATIC = "kappa_quadratic";
    public static final String SPEARMAN = "spearman";
    public static final String KENDALL_TAU_B = "kendall_tau_b";
    public static final String PEARSON = "pearson";
    public static final String MAE = "mae";
    public static final String BIAS = "bias";
    public static final String GWET_AC1 = "gwet_ac1";
    public static final String TPR = "tpr";
    public static final String TNR = "tnr";
    public static final String PRECISION = "precision";

    /** Every estimate by its JSON name (binary ones included when present), in report order. */
    public Map<String, Estimate> statistics() {
        Map<String, Estimate> map = new LinkedHashMap<>();
        map.put(EXACT, exact);
        map.put(WITHIN_1, within1);
        map.put(KAPPA, kappa);
        map.put(KAPPA_LINEAR, kappaLinear);
        map.put(KAPPA_QUADRATIC, kappaQuadratic);
        map.put(SPEARMAN, spearman);
        map.put(KENDALL_TAU_B, kendallTauB);
        map.put(PEARSON, pearson);
        map.put(MAE, mae);
        map.put(BIAS, bias);
        map.put(GWET_AC1, gwetAc1);
        binary.ifPresent(b -> {
            map.put(TPR, b.tpr());
            map.put(TNR, b.tnr());
            map.put(PRECISION, b.precision());
        });
        return map;
    }
}
