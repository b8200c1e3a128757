package dev.juror.watch.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code score_shift}: the judge scores the policy's outputs unlike the calibration set it was
 * validated on. Window of {@link #WINDOW} steps: per dimension, the records' {@code dim.<dimension>}
 * (mean over the prediction's comments) counted at the nearest scale level, PSI against the judge's
 * score distribution on the calibration set ({@code evidence/score-distribution.json}); alarm when
 * the largest PSI over dimensions is at least {@link #PSI}.
 */
public final class ScoreShiftDetector extends WindowedDetector {

    public static final int WINDOW = 5;
    public static final double PSI = 0.25;
    public static final int MIN_VALUES = 200;

    @Override
    public String name() {
        return DetectorNames.SCORE_SHIFT;
    }

    @Override
    int window() {
        return WINDOW;
    }

    @Override
    boolean usesReference() {
        return false;
    }

    @Override
    String precondition(DetectionInput in) {
        if (in.baseline().scores().isEmpty()) {
            return "no score distribution of the calibration set in the baseline (import with --bundle DIR of a bundle"
                    + " whose evidence has score-distribution.json)";
        }
        for (StepFacts f : in.facts()) {
            if (!f.dimCounts().isEmpty()) {
                return null;
            }
        }
        return "no record carries a dim.<dimension> metric of the baseline's dimensions " + in.baseline().scores().keySet();
    }

    @Override
    String thin(Window w, DetectionInput in) {
        for (long[] counts : w.dimCounts().values()) {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            if (n >= MIN_VALUES) {
                return null;
            }
        }
        return "fewer than " + MIN_VALUES + " dimension scores";
    }

    @Override
    Optional<Alarm> check(DetectionInput in, int i, Window w, Window ref) {
        String worst = null;
        double max = Double.NEGATIVE_INFINITY;
        for (var e : w.dimCounts().entrySet()) {
            double psi = Psi.of(e.getValue(), in.baseline().scores().get(e.getKey()).counts());
            if (!Double.isNaN(psi) && psi > max) {
                max = psi;
                worst = e.getKey();
            }
        }
        if (worst == null || max < PSI) {
            return Optional.empty();
        }
        Baseline.ScoreDistribution dist = in.baseline().scores().get(worst);
        long[] now = w.dimCounts().get(worst);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("psi", max);
        numbers.put("psi_threshold", PSI);
        numbers.put("mean_score", mean(dist.levels(), now));
        numbers.put("calibration_mean_score", mean(dist.levels(), dist.counts()));
        double calibrated = mean(dist.levels(), dist.counts());
        String dim = worst;
        var s = in.step(i);
        double[] values = s.metric("dim." + dim);
        return Optional.of(alarm(in, i, f("%s scores over %s moved away from the calibration set: PSI %.2f (threshold"
                        + " %.2f), mean %.2f against %.2f", dim, w.span(), max, PSI, mean(dist.levels(), now), calibrated),
                numbers, j -> values != null && Math.abs(values[j] - calibrated) >= 1));
    }

    private static double mean(double[] levels, long[] counts) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < levels.length; i++) {
            sum += levels[i] * counts[i];
            n += counts[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
