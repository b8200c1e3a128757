package dev.juror.reward.checks;

/**
 * The accepted length of a response and how the penalty ramps outside it. The length factor is 1
 * inside [{@code min}, {@code max}], falls linearly to 0 between {@code min} and {@code hardMin}
 * and between {@code max} and {@code hardMax}, and is 0 at or beyond the hard limits:
 * <pre>
 *   factor
 *   1 |        ___________
 *     |      /             \
 *   0 |_____/               \______
 *        hardMin min      max hardMax
 * </pre>
 *
 * @param unit what is counted (characters or whitespace-separated words)
 */
public record LengthBand(Unit unit, int hardMin, int min, int max, int hardMax) {

    public enum Unit { CHARS, WORDS }

    public LengthBand {
        if (unit == null) {
            throw new IllegalArgumentException("length band unit must be CHARS or WORDS");
        }
        if (hardMin < 0 || hardMin > min || min > max || max > hardMax) {
            throw new IllegalArgumentException("length band must satisfy 0 <= hardMin <= min <= max <= hardMax, got "
                    + hardMin + ", " + min + ", " + max + ", " + hardMax);
        }
    }

    /** The factor in [0, 1] for a response of this length. */
    public double factor(int length) {
        if (length >= min && length <= max) {
            return 1.0;
        }
        if (length < min) {
            return length <= hardMin ? 0.0 : (double) (length - hardMin) / (min - hardMin);
        }
        return length >= hardMax ? 0.0 : (double) (hardMax - length) / (hardMax - max);
    }
}
