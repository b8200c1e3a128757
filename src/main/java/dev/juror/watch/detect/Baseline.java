package dev.juror.watch.detect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the detectors compare a run with, read from the exported bundle's {@code evidence/} when an
 * import named it: the judge's validated agreement with the experts per dimension and the judge's
 * score distribution on the calibration set (the reference of {@code score_shift}).
 *
 * @param verdict   the verdict's status in the evidence ("VALIDATED", "UNVALIDATED", "NONE"), if any
 * @param agreement validated agreement by dimension (weighted kappa and its bootstrap interval)
 * @param scores    the judge's scores on the calibration set by dimension
 * @param notes     what the bundle's evidence lacked, in plain words
 */
public record Baseline(Optional<String> verdict, Map<String, Agreement> agreement, Map<String, ScoreDistribution> scores,
                       List<String> notes) {

    /** Judge-versus-experts agreement on one dimension as validated. */
    public record Agreement(double kappa, double lower, double upper) {
    }

    /**
     * The judge's scores on one dimension: how many times each scale level was given.
     *
     * @param levels the scale's levels, ascending
     * @param counts how often each level was given
     */
    public record ScoreDistribution(double[] levels, long[] counts) {

        public long total() {
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            return n;
        }

        /** Index of the level nearest to {@code value} (a comment mean falls between levels). */
        public int nearest(double value) {
            int best = 0;
            for (int i = 1; i < levels.length; i++) {
                if (Math.abs(levels[i] - value) < Math.abs(levels[best] - value)) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** No bundle was named: the detectors that need one say so in the report's notes. */
    public static Baseline none() {
        return new Baseline(Optional.empty(), Map.of(), Map.of(),
                List.of("no baseline: import with --bundle DIR to compare with the bundle's evidence"));
    }

    public boolean isNone() {
        return verdict.isEmpty() && agreement.isEmpty() && scores.isEmpty();
    }
}
