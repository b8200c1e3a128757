package dev.juror.calibration.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Item bootstrap (Efron and Tibshirani; reference section 1.7): each resample draws N items with
 * replacement from the N items of an {@link ItemGroups} and evaluates the statistic on the counts
 * per group. Intervals: percentile [q(alpha/2), q(1 - alpha/2)] and BCa with bias correction
 * z0 = Phi^-1(#{theta*_b &lt; theta-hat} / B) and jackknife acceleration
 * a = sum(theta-bar - theta_(i))^3 / (6 [sum(theta-bar - theta_(i))^2]^(3/2)), the jackknife leaving
 * out one item at a time (items of the same group give the same value, so it runs once per group).
 * Quantiles interpolate linearly between order statistics (the usual "type 7" definition).
 *
 * <p>Reproducibility: resample b uses the b-th generator split in order from
 * {@code new SplittableRandom(seed)}, so results do not depend on threads. With
 * {@link BootstrapConfig.Sampling#ITEMS} it draws N uniform item indices (Lemire's exact
 * multiply-shift method on {@code nextInt()}) and results depend only on the seed, B and N, not on
 * how items are grouped; with {@link BootstrapConfig.Sampling#MULTINOMIAL} it draws the group counts
 * directly from their exact multinomial distribution ({@link GroupCountSampler}), which is much
 * faster for 100,000 items in 25 contingency cells, and results depend on the grouping too.
 *
 * <p>Undefined resamples are dropped and counted; when their share exceeds
 * {@link BootstrapConfig#maxUndefinedFraction()} both intervals are unavailable, because the
 * remaining resamples would describe a selected, unrepresentative part of the sampling distribution.
 * BCa is also unavailable when every defined resample lies on one side of the estimate (z0 infinite)
 * or the acceleration makes the adjusted level undefined.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    public static BootstrapResult ci(ItemGroups items, CountStatistic statistic, BootstrapConfig config) {
        return cis(items, counts -> Map.of("value", statistic.evaluate(counts)), config).get("value");
    }

    /** Intervals for several statistics computed on the same resamples. */
    public static Map<String, BootstrapResult> cis(ItemGroups items, CountStatistics statistics,
            BootstrapConfig config) {
        int[] full = items.fullCounts();
        Map<String, Estimate> estimates = statistics.evaluate(full);
        List<String> names = List.copyOf(estimates.keySet());
        int n = items.itemCount();
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        if (n == 0) {
            for (String name : names) {
                out.put(name, unavailable(estimates.get(name), "no items to resample", config, 0));
            }
            return out;
        }
        double[][] values = resample(items, statistics, names, config);
        double[][] jackknife = null;
        for (int s = 0; s < names.size(); s++) {
            String name = names.get(s);
            Estimate estimate = estimates.get(name);
            double[] defined = Arrays.stream(values[s]).filter(Double::isFinite).sorted().toArray();
            int undefined = config.resamples() - defined.length;
            if (!(estimate instanceof Estimate.Defined d)) {
                out.put(name, unavailable(estimate, "the statistic is undefined on the full sample", config, undefined));
                continue;
            }
            if (defined.length == 0 || (double) undefined / config.resamples() > config.maxUndefinedFraction()) {
                out.put(name, unavailable(estimate, undefined + " of " + config.resamples()
                        + " resamples gave an undefined statistic, more than the allowed "
                        + Math.round(config.maxUndefinedFraction() * 100) + "%", config, undefined));
                continue;
            }
            double alpha = 1 - config.level();
            Interval percentile = new Interval.Bounds(quantile(defined, alpha / 2), quantile(defined, 1 - alpha / 2),
                    Interval.PERCENTILE, config.level(), config.resamples(), undefined);
            if (jackknife == null) {
                jackknife = jackknife(items, statistics, names, full);
            }
            Interval bca = bca(defined, d.value(), acceleration(jackknife[s], full), config.level(),
                    config.resamples(), undefined);
            out.put(name, new BootstrapResult(estimate, percentile, bca, Estimate.of(standardDeviation(defined)),
                    config.resamples(), undefined));
        }
        return out;
    }

    /**
     * Paired bootstrap of {@code a - b} where both statistics are computed on the same resampled
     * items (e.g. judge-vs-human kappa under two prompt versions on the same anchor items).
     */
    public static BootstrapResult pairedDifference(ItemGroups items, CountStatistic a, CountStatistic b,
            BootstrapConfig config) {
        return ci(items, counts -> difference(a.evaluate(counts), b.evaluate(counts)), config);
    }

    static Estimate difference(Estimate a, Estimate b) {
        if (a instanceof Estimate.Defined x && b instanceof Estimate.Defined y) {
            return Estimate.of(x.value() - y.value());
        }
        return Estimate.undefined(a instanceof Estimate.Undefined u ? "first statistic undefined: " + u.reason()
                : "second statistic undefined: " + ((Estimate.Undefined) b).reason());
    }

    /** The group counts of resample {@code b} under ITEMS sampling (for tests and callers who need the draws). */
    public static int[] resampleCounts(ItemGroups items, long seed, int b) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom rng = null;
        for (int i = 0; i <= b; i++) {
            rng = root.split();
        }
        return draw(items.groupOfItem(), items.groupCount(), rng);
    }

    /**
     * Draws N item indices uniformly with replacement and counts them per group. Uniform indices
     * come from Lemire's multiply-shift method with rejection ("Fast random integer generation in an
     * interval", 2019): exact like {@code nextInt(N)} but without its division per draw, which
     * dominated the cost for 100,000-item samples.
     */
    private static int[] draw(int[] groupOfItem, int groupCount, SplittableRandom rng) {
        int n = groupOfItem.length;
        int[] counts = new int[groupCount];
        long bound = n;
        long threshold = (1L << 32) % bound; // low products below this would bias the draw
        for (int i = 0; i < n; i++) {
            long product = (rng.nextInt() & 0xFFFF_FFFFL) * bound;
            while ((product & 0xFFFF_FFFFL) < threshold) {
                product = (rng.nextInt() & 0xFFFF_FFFFL) * bound;
            }
            counts[groupOfItem[(int) (product >>> 32)]]++;
        }
        return counts;
    }

    /** values[statistic][resample], NaN where undefined (internal marker, never returned). */
    private static double[][] resample(ItemGroups items, CountStatistics statistics, List<String> names,
            BootstrapConfig config) {
        int b = config.resamples();
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom[] generators = new SplittableRandom[b];
        for (int i = 0; i < b; i++) {
            generators[i] = root.split();
        }
        double[][] values = new double[names.size()][b];
        IntStream range = IntStream.range(0, b);
        if (config.parallel()) {
            range = range.parallel();
        }
        int[] groupOfItem = items.groupOfItem();
        int groupCount = items.groupCount();
        int[] groupSizes = items.fullCounts();
        boolean multinomial = config.sampling() == BootstrapConfig.Sampling.MULTINOMIAL
                || (config.sampling() == BootstrapConfig.Sampling.AUTO && (long) groupCount * 16 <= groupOfItem.length);
        range.forEach(i -> {
            int[] counts = multinomial ? GroupCountSampler.multinomial(groupSizes, groupOfItem.length, generators[i])
                    : draw(groupOfItem, groupCount, generators[i]);
            Map<String, Estimate> result = statistics.evaluate(counts);
            for (int s = 0; s < names.size(); s++) {
                Estimate e = result.get(names.get(s));
                values[s][i] = e instanceof Estimate.Defined d ? d.value() : Double.NaN;
            }
        });
        return values;
    }

    /** jack[statistic][group] = statistic without one item of that group; NaN if undefined or group empty. */
    private static double[][] jackknife(ItemGroups items, CountStatistics statistics, List<String> names, int[] full) {
        int groups = full.length;
        double[][] jack = new double[names.size()][groups];
        for (double[] row : jack) {
            Arrays.fill(row, Double.NaN);
        }
        int chunks = Math.min(groups, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int[] counts = full.clone();
            for (int g = chunk; g < groups; g += chunks) {
                if (full[g] == 0) {
                    continue;
                }
                counts[g]--;
                Map<String, Estimate> result = statistics.evaluate(counts);
                counts[g]++;
                for (int s = 0; s < names.size(); s++) {
                    Estimate e = result.get(names.get(s));
                    jack[s][g] = e instanceof Estimate.Defined d ? d.value() : Double.NaN;
                }
            }
        });
        return jack;
    }

    /** BCa interval from the sorted defined bootstrap values, the estimate and the acceleration. */
    static Interval bca(double[] sorted, double estimate, double acceleration, double level, int resamples,
            int undefined) {
        int below = 0;
        while (below < sorted.length && sorted[below] < estimate) {
            below++;
        }
        if (below == 0 || below == sorted.length) {
            return new Interval.Unavailable(Interval.BCA, "every defined resample lies on one side of the estimate"
                    + " (bias correction infinite); use the percentile interval");
        }
        double z0 = Normal.quantile((double) below / sorted.length);
        double alpha = 1 - level;
        double zLow = Normal.quantile(alpha / 2);
        double zHigh = Normal.quantile(1 - alpha / 2);
        double denomLow = 1 - acceleration * (z0 + zLow);
        double denomHigh = 1 - acceleration * (z0 + zHigh);
        if (!(denomLow > 0) || !(denomHigh > 0)) {
            return new Interval.Unavailable(Interval.BCA, "jackknife acceleration " + acceleration
                    + " is too large for a BCa adjustment; use the percentile interval");
        }
        double a1 = Normal.cdf(z0 + (z0 + zLow) / denomLow);
        double a2 = Normal.cdf(z0 + (z0 + zHigh) / denomHigh);
        return new Interval.Bounds(quantile(sorted, a1), quantile(sorted, a2), Interval.BCA, level,
                resamples, undefined);
    }

    /** Jackknife acceleration; groups weighted by their item counts; undefined leave-one-outs skipped. */
    static double acceleration(double[] jack, int[] weights) {
        double total = 0;
        double sum = 0;
        for (int g = 0; g < jack.length; g++) {
            if (weights[g] > 0 && Double.isFinite(jack[g])) {
                total += weights[g];
                sum += weights[g] * jack[g];
            }
        }
        if (total == 0) {
            return 0;
        }
        double mean = sum / total;
        double squares = 0;
        double cubes = 0;
        for (int g = 0; g < jack.length; g++) {
            if (weights[g] > 0 && Double.isFinite(jack[g])) {
                double d = mean - jack[g];
                squares += weights[g] * d * d;
                cubes += weights[g] * d * d * d;
            }
        }
        if (squares == 0) {
            return 0;
        }
        return cubes / (6 * Math.pow(squares, 1.5));
    }

    /** Linear interpolation between order statistics ("type 7"); p in [0,1]. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static double standardDeviation(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(v).average().orElse(0);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static BootstrapResult unavailable(Estimate estimate, String reason, BootstrapConfig config, int undefined) {
        return new BootstrapResult(estimate, new Interval.Unavailable(Interval.PERCENTILE, reason),
                new Interval.Unavailable(Interval.BCA, reason), Estimate.undefined(reason), config.resamples(), undefined);
    }
}
