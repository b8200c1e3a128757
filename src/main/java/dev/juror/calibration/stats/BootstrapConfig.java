package dev.juror.calibration.stats;

/**
 * Settings of an item bootstrap.
 *
 * @param resamples            number of resamples B (default 2000)
 * @param level                confidence level, e.g. 0.95
 * @param seed                 seed of the {@link java.util.SplittableRandom} the resamples derive from;
 *                             record it with the result so the run can be repeated
 * @param maxUndefinedFraction an interval is reported only if the share of resamples on which the
 *                             statistic is undefined does not exceed this (default 0.10); below it the
 *                             undefined resamples are dropped and counted
 * @param parallel             spread resamples over the common fork-join pool; results do not depend on it
 * @param sampling             how a resample's group counts are drawn (same distribution either way)
 */
public record BootstrapConfig(int resamples, double level, long seed, double maxUndefinedFraction,
        boolean parallel, Sampling sampling) {

    /** How the items of a resample are drawn; every choice resamples items with replacement. */
    public enum Sampling {
        /** Draw N item indices one by one: results independent of the grouping, O(N) per resample. */
        ITEMS,
        /**
         * Draw the group counts from their exact multinomial distribution, O(groups x log N) per
         * resample; results depend on the grouping as well as on the seed.
         */
        MULTINOMIAL,
        /** MULTINOMIAL when there are at least 16 items per group on average, else ITEMS. */
        AUTO
    }

    public static final int DEFAULT_RESAMPLES = 2000;
    /**
     * Most resamples allowed. Each statistic keeps one double per resample (and BCa a jackknife on
     * top), so the work and memory grow linearly; 100,000 resamples already put the Monte Carlo error
     * of a 95 % percentile bound far below the interval's own width, while 2e9 would need tens of GB.
     */
    public static final int MAX_RESAMPLES = 100_000;
    public static final double DEFAULT_LEVEL = 0.95;
    public static final double DEFAULT_MAX_UNDEFINED_FRACTION = 0.10;

    public BootstrapConfig {
        if (resamples < 1 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException(resamplesProblem("resamples", resamples));
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0,1), got " + level);
        }
        java.util.Objects.requireNonNull(sampling, "sampling");
        if (!(maxUndefinedFraction >= 0 && maxUndefinedFraction < 1)) {
            throw new IllegalArgumentException("maxUndefinedFraction must be in [0,1), got " + maxUndefinedFraction);
        }
    }

    /** The sentence for a number of resamples outside 1..{@link #MAX_RESAMPLES}, naming {@code option}. */
    public static String resamplesProblem(String option, long resamples) {
        return option + " must be between 1 and " + String.format(java.util.Locale.ROOT, "%,d", MAX_RESAMPLES)
                + " resamples (2,000 is plenty for a 95 % interval), got " + resamples;
    }

    /** 2000 resamples, 95 %, at most 10 % undefined resamples, parallel, AUTO sampling. */
    public static BootstrapConfig defaults(long seed) {
        return new BootstrapConfig(DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed, DEFAULT_MAX_UNDEFINED_FRACTION, true,
                Sampling.AUTO);
    }

    public BootstrapConfig withResamples(int b) {
        return new BootstrapConfig(b, level, seed, maxUndefinedFraction, parallel, sampling);
    }

    public BootstrapConfig withLevel(double l) {
        return new BootstrapConfig(resamples, l, seed, maxUndefinedFraction, parallel, sampling);
    }

    public BootstrapConfig withSeed(long s) {
        return new BootstrapConfig(resamples, level, s, maxUndefinedFraction, parallel, sampling);
    }

    public BootstrapConfig withSampling(Sampling s) {
        return new BootstrapConfig(resamples, level, seed, maxUndefinedFraction, parallel, s);
    }

    public BootstrapConfig withParallel(boolean p) {
        return new BootstrapConfig(resamples, level, seed, maxUndefinedFraction, p, sampling);
    }
}
