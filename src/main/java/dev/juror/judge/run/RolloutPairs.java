package dev.juror.judge.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which pairs of one sample's rollouts a pairwise run compares: every unordered pair when
 * there are at most {@code max}, otherwise a deterministic, balanced subset. The same rollouts give
 * the same pairs, so a second run of another judge (or a replay of the first) judges exactly the
 * pairs a first run recorded.
 *
 * <p>Greedy: each next pair is the one whose two rollouts have been paired least so far; ties go to
 * rollouts closer together in the sample's order (neighbours first, the last one wrapping round to
 * the first), then to the earlier one. With 8 rollouts and a cap of 6 this gives 0-1, 2-3, 4-5, 6-7,
 * 1-2, 3-4: every rollout is compared before any is compared twice, which the plain first-N of
 * (0-1, 0-2, 0-3, ...) would not do.
 */
public final class RolloutPairs {

    /** Highest accepted cap; 28 pairs is every pair of 8 rollouts, so this leaves room and bounds the work. */
    public static final int MAX_PER_SAMPLE = 1000;

    private RolloutPairs() {
    }

    /**
     * @param rollouts the rollout ids of one sample in the sample's order
     * @param max      at most this many pairs, 1 to {@link #MAX_PER_SAMPLE}
     */
    public static List<RolloutPair> choose(List<Long> rollouts, int max) {
        if (max < 1 || max > MAX_PER_SAMPLE) {
            throw new IllegalArgumentException("at most 1 to " + MAX_PER_SAMPLE + " pairs per sample, was " + max);
        }
        int n = rollouts.size();
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                candidates.add(new int[] {i, j});
            }
        }
        candidates.sort(Comparator.comparingInt((int[] p) -> ringDistance(p, n)).thenComparingInt(p -> ringStart(p, n)));
        int[] paired = new int[n];
        List<RolloutPair> chosen = new ArrayList<>();
        while (chosen.size() < max && !candidates.isEmpty()) {
            int best = 0;
            for (int c = 1; c < candidates.size(); c++) {
                if (load(candidates.get(c), paired) < load(candidates.get(best), paired)) {
                    best = c;
                }
            }
            int[] p = candidates.remove(best);
            paired[p[0]]++;
            paired[p[1]]++;
            chosen.add(new RolloutPair(rollouts.get(p[0]), rollouts.get(p[1])));
        }
        return chosen;
    }

    private static int load(int[] pair, int[] paired) {
        return paired[pair[0]] + paired[pair[1]];
    }

    /** Steps between the two on a ring of n: the last and the first rollout are neighbours. */
    private static int ringDistance(int[] pair, int n) {
        int d = pair[1] - pair[0];
        return Math.min(d, n - d);
    }

    /** Where the shorter way round starts: i for i..j, j for j wrapping to i. */
    private static int ringStart(int[] pair, int n) {
        int d = pair[1] - pair[0];
        return d <= n - d ? pair[0] : pair[1];
    }
}
