package dev.juror.export;

import java.util.OptionalInt;

/**
 * Time one judge call takes, retries included, and where the figure comes from.
 *
 * @param millis the mean latency the plan uses
 * @param origin for budget.md: the option, the measurement, or the assumed default
 */
public record JudgeLatency(double millis, String origin) {

    /** Used when nothing was measured and nothing given. */
    public static final int ASSUMED_MILLIS = 5000;

    public JudgeLatency {
        if (!Double.isFinite(millis) || millis <= 0) {
            throw new IllegalArgumentException("judge latency must be more than 0 ms, was " + millis);
        }
        origin = origin == null ? "" : origin;
    }

    /** {@code --judge-latency-ms} when given, else the measured mean, else {@value #ASSUMED_MILLIS} ms. */
    public static JudgeLatency resolve(OptionalInt givenMillis, JudgeUsage usage) {
        if (givenMillis.isPresent()) {
            return new JudgeLatency(givenMillis.getAsInt(), "--judge-latency-ms");
        }
        if (usage.latencyMs().isPresent() && usage.latencyMs().get().mean() > 0) {
            TokenDistribution l = usage.latencyMs().get();
            return new JudgeLatency(l.mean(), String.format(java.util.Locale.ROOT,
                    "measured mean of %d results (p90 %.0f ms)", usage.results(), l.p90()));
        }
        return new JudgeLatency(ASSUMED_MILLIS, "assumed: nothing measured; set --judge-latency-ms");
    }

    public double seconds() {
        return millis / 1000.0;
    }
}
