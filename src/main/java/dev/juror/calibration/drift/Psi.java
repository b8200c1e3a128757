package dev.juror.calibration.drift;

import dev.juror.calibration.stats.Estimate;

/**
 * Population Stability Index between a baseline and a current score histogram (reference section
 * 4.2(3) and TV-19): with bin proportions e_i (baseline) and a_i (current), each clipped below at
 * eps without renormalising, PSI = sum_i (a_i - e_i) ln(a_i / e_i). Rule of thumb: &lt;= 0.1
 * insignificant, 0.1-0.25 moderate, &gt; 0.25 major. The empty-bin term depends on eps, so eps is
 * an explicit setting (default 1e-4).
 */
public final class Psi {

    public static final double DEFAULT_EPSILON = 1e-4;
    public static final double DEFAULT_WARN = 0.1;
    public static final double DEFAULT_ALARM = 0.25;

    /** How large a shift the PSI indicates. */
    public enum Band { INSIGNIFICANT, MODERATE, MAJOR, UNDEFINED }

    /**
     * @param value the PSI, undefined when a histogram is empty
     * @param terms per-bin contributions (all 0 when undefined)
     * @param band  classification by the warn/alarm thresholds used
     */
    public record Result(Estimate value, double[] terms, Band band) {
    }

    private Psi() {
    }

    public static Result compute(long[] baseline, long[] current) {
        return compute(baseline, current, DEFAULT_EPSILON, DEFAULT_WARN, DEFAULT_ALARM);
    }

    public static Result compute(long[] baseline, long[] current, double epsilon, double warn, double alarm) {
        if (baseline.length != current.length) {
            throw new IllegalArgumentException("baseline has " + baseline.length + " bins, current " + current.length);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive");
        }
        long baseTotal = total(baseline);
        long currentTotal = total(current);
        double[] terms = new double[baseline.length];
        if (baseTotal == 0 || currentTotal == 0) {
            return new Result(Estimate.undefined((baseTotal == 0 ? "baseline" : "current") + " histogram is empty"),
                    terms, Band.UNDEFINED);
        }
        double psi = 0;
        for (int i = 0; i < baseline.length; i++) {
            double e = Math.max(epsilon, (double) baseline[i] / baseTotal);
            double a = Math.max(epsilon, (double) current[i] / currentTotal);
            terms[i] = (a - e) * Math.log(a / e);
            psi += terms[i];
        }
        Band band = psi <= warn ? Band.INSIGNIFICANT : psi <= alarm ? Band.MODERATE : Band.MAJOR;
        return new Result(Estimate.of(psi), terms, band);
    }

    private static long total(long[] counts) {
        long t = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("histogram counts must not be negative");
            }
            t += c;
        }
        return t;
    }
}
