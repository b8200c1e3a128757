package dev.juror.export;

import java.util.Arrays;

/**
 * Mean and 90th percentile of one per-call quantity (tokens or milliseconds) over a set of judge
 * results. The percentile is the nearest-rank one: the smallest value with at least 90 % of the
 * results at or below it, so it is always a value that really occurred.
 */
public record TokenDistribution(double mean, double p90) {

    public static final TokenDistribution ZERO = new TokenDistribution(0, 0);

    public TokenDistribution {
        if (!Double.isFinite(mean) || !Double.isFinite(p90) || mean < 0 || p90 < 0) {
            throw new IllegalArgumentException("token figures must be finite and not negative: " + mean + ", " + p90);
        }
    }

    /** A fixed figure (an estimate): mean and p90 are the same. */
    public static TokenDistribution exactly(double value) {
        return new TokenDistribution(value, value);
    }

    /** Mean and nearest-rank p90 of {@code values}; zero for none. */
    public static TokenDistribution of(long[] values) {
        if (values.length == 0) {
            return ZERO;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        int rank = (int) Math.ceil(0.9 * sorted.length);
        return new TokenDistribution(sum / sorted.length, sorted[Math.max(0, rank - 1)]);
    }
}
