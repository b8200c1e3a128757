package dev.juror.watch.detect;

import dev.juror.watch.StepRecords;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step's records say for the detectors that does not depend on the baseline: everything of
 * {@link StepFacts} but the score counts, plus, per {@code dim.*} metric the step carries, the exact
 * multiset of its values. An import stores one per step ({@link StepTallyCodec}), so a report reads
 * ~500 small rows instead of a million records; {@link #facts(Baseline)} counts the multisets at the
 * baseline's levels when the report runs, so a baseline saved after the import is honoured.
 *
 * <p>Why the exact multiset and not a fine histogram: a {@code dim.*} value is the mean of a
 * prediction's comment scores, so a step holds few distinct values (tens), and counting the exact
 * values at the nearest level gives the very counts the records give, whatever the levels.
 * At worst (every value distinct) it is 12 bytes a record of the step.
 *
 * @param base the step's facts with no score counts ({@code dimCounts} empty)
 * @param dims per dimension (the metric's name without {@code dim.}) the values the records carry, NaN left out
 */
public record StepTally(StepFacts base, Map<String, Values> dims) {

    /** Distinct values, ascending, and how many records had each. */
    public record Values(double[] values, long[] counts) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Values v && Arrays.equals(values, v.values) && Arrays.equals(counts, v.counts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return Arrays.toString(values) + "x" + Arrays.toString(counts);
        }
    }

    static final String DIM_PREFIX = "dim.";

    public int step() {
        return base.step();
    }

    /** The step read once: sums, counts, correlation, prompt groups, copies, and the dimension scores' multisets. */
    public static StepTally of(StepRecords s) {
        StepFacts base = StepFacts.withoutScores(s);
        Map<String, Values> dims = new LinkedHashMap<>();
        new TreeMap<>(s.metrics()).forEach((name, column) -> {
            if (name.startsWith(DIM_PREFIX)) {
                dims.put(name.substring(DIM_PREFIX.length()), multiset(column));
            }
        });
        return new StepTally(base, dims);
    }

    private static Values multiset(double[] column) {
        double[] sorted = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            distinct += i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0 ? 1 : 0;
        }
        double[] values = new double[distinct];
        long[] counts = new long[distinct];
        int k = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || Double.compare(sorted[i], sorted[i - 1]) != 0) {
                values[++k] = sorted[i];
            }
            counts[k]++;
        }
        return new Values(values, counts);
    }

    /** The step's facts against this baseline: each dimension's values counted at the nearest of its levels. */
    public StepFacts facts(Baseline baseline) {
        Map<String, long[]> out = new LinkedHashMap<>();
        baseline.scores().forEach((dim, dist) -> {
            Values v = dims.get(dim);
            if (v == null) {
                return;
            }
            long[] counts = new long[dist.levels().length];
            for (int i = 0; i < v.values().length; i++) {
                counts[dist.nearest(v.values()[i])] += v.counts()[i];
            }
            out.put(dim, counts);
        });
        StepFacts b = base;
        return new StepFacts(b.step(), b.n(), b.rewardSum(), b.rewardMin(), b.rewardMax(), b.lengthSum(),
                b.commentsSum(), b.fallback(), b.judgeErrors(), b.failed(), b.injection(), b.copied(), b.atMax(),
                b.groups(), b.flatGroups(), b.lengthRewardRho(), out);
    }
}
