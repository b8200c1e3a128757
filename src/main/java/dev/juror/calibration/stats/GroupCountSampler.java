package dev.juror.calibration.stats;

import java.util.SplittableRandom;

/**
 * Draws the per-group counts of an item bootstrap resample without drawing the items one by one.
 * Drawing N items uniformly with replacement from N items in groups of sizes c_1..c_G gives group
 * counts that follow Multinomial(N; c_1/N, ..., c_G/N) exactly, so they can be drawn as conditional
 * binomials: count_g ~ Binomial(remaining items, c_g / items of the groups not yet drawn). This
 * costs O(G log N) instead of O(N) per resample.
 *
 * <p>Binomial variates: Knuth's order-statistic recursion (TAOCP vol. 2, 3.4.1): the a-th smallest of
 * n uniforms, a = 1 + n/2, is Beta(a, n - a + 1); whether it lies above or below p decides which
 * half of the uniforms still matters, so n halves at each step; the last n &lt;= 16 are counted as
 * Bernoulli trials. Beta via two gamma variates (Marsaglia and Tsang 2000, shape &gt;= 1 always holds
 * here) and normals by Box-Muller with StrictMath, so the stream depends only on the seed.
 */
final class GroupCountSampler {

    private static final int DIRECT = 16;

    private GroupCountSampler() {
    }

    static int[] multinomial(int[] groupSizes, int items, SplittableRandom rng) {
        int[] counts = new int[groupSizes.length];
        long massLeft = items;
        int remaining = items;
        for (int g = 0; g < groupSizes.length && remaining > 0; g++) {
            int size = groupSizes[g];
            if (size == 0) {
                continue;
            }
            int drawn = size == massLeft ? remaining : binomial(rng, remaining, (double) size / massLeft);
            counts[g] = drawn;
            remaining -= drawn;
            massLeft -= size;
        }
        return counts;
    }

    static int binomial(SplittableRandom rng, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        int offset = 0;
        while (n > DIRECT) {
            int a = 1 + n / 2;
            int b = n - a + 1;
            double x = beta(rng, a, b);
            if (x >= p) {
                n = a - 1;
                p = p / x;
            } else {
                offset += a;
                n = b - 1;
                p = (p - x) / (1 - x);
            }
        }
        int successes = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                successes++;
            }
        }
        return offset + successes;
    }

    static double beta(SplittableRandom rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        return x / (x + y);
    }

    /** Gamma(shape, 1) for shape &gt;= 1 (Marsaglia and Tsang). */
    static double gamma(SplittableRandom rng, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(rng);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * z * z + d * (1 - v + StrictMath.log(v))) {
                return d * v;
            }
        }
    }

    static double normal(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // (0, 1]
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
