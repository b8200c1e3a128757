package dev.juror.watch.detect;

/**
 * Population stability index of a distribution against a reference, over the same bins:
 * sum of (p - q) ln(p / q), each share floored at {@link #FLOOR} so an empty bin does not give infinity.
 */
public final class Psi {

    public static final double FLOOR = 1e-4;

    private Psi() {
    }

    public static double of(long[] actual, long[] expected) {
        long na = 0;
        long ne = 0;
        for (int i = 0; i < actual.length; i++) {
            na += actual[i];
            ne += expected[i];
        }
        if (na == 0 || ne == 0) {
            return Double.NaN;
        }
        double psi = 0;
        for (int i = 0; i < actual.length; i++) {
            double p = Math.max(FLOOR, (double) actual[i] / na);
            double q = Math.max(FLOOR, (double) expected[i] / ne);
            psi += (p - q) * Math.log(p / q);
        }
        return psi;
    }

    /** The largest PSI over the dimensions with a baseline, NaN when none can be computed. */
    static double largest(java.util.Map<String, long[]> counts, Baseline baseline) {
        double max = Double.NaN;
        for (var e : counts.entrySet()) {
            Baseline.ScoreDistribution d = baseline.scores().get(e.getKey());
            double psi = d == null ? Double.NaN : of(e.getValue(), d.counts());
            if (!Double.isNaN(psi) && (Double.isNaN(max) || psi > max)) {
                max = psi;
            }
        }
        return max;
    }
}
