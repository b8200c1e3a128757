package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.rubric.Preference;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairwise judges: agreement with human preferences (A / B / tie) and position consistency from
 * order-swapped runs (reference TV-22). Verdicts of the swapped run must already be mapped back to
 * the original A/B naming.
 */
public final class PairwiseCalibration {

    /** Preference as a score for the agreement statistics: B = 0, tie = 1, A = 2. */
    public static final ScoreRange PREFERENCE_SCALE = new ScoreRange(0, 2);

    private PairwiseCalibration() {
    }

    /** One rater's verdict on one pair. */
    public record PairVerdict(String pairKey, String rater, Preference verdict) {
    }

    /** A pair judged in both orders: with A shown first, and with B shown first (mapped back to A/B). */
    public record SwappedVerdict(String pairKey, Preference aFirst, Preference bFirst) {
        public boolean consistent() {
            return aFirst == bFirst;
        }

        /** Order-balanced verdict: a win only if the same candidate wins in both orders, otherwise a tie. */
        public Preference balanced() {
            return consistent() ? aFirst : Preference.TIE;
        }

        /** Both orders picked whichever candidate was shown first. */
        public boolean firstShownWins() {
            return aFirst == Preference.A && bFirst == Preference.B;
        }

        public boolean secondShownWins() {
            return aFirst == Preference.B && bFirst == Preference.A;
        }
    }

    /**
     * @param consistency       consistent pairs / all pairs
     * @param firstShownShare   among inconsistent pairs, the share where the first-shown candidate won in both orders
     * @param balanced          counts of the order-balanced verdicts (A, B, tie)
     */
    public record PositionConsistency(int pairs, int consistent, Estimate consistency,
                                      @JsonProperty("inconsistent") int inconsistent,
                                      @JsonProperty("first_shown_wins") int firstShownWins,
                                      @JsonProperty("second_shown_wins") int secondShownWins,
                                      @JsonProperty("first_shown_share") Estimate firstShownShare,
                                      Map<String, Integer> balanced) {
    }

    public static PositionConsistency positionConsistency(List<SwappedVerdict> verdicts) {
        int consistent = 0;
        int first = 0;
        int second = 0;
        Map<String, Integer> balanced = new TreeMap<>(Map.of("A", 0, "B", 0, "tie", 0));
        for (SwappedVerdict v : verdicts) {
            if (v.consistent()) {
                consistent++;
            }
            if (v.firstShownWins()) {
                first++;
            }
            if (v.secondShownWins()) {
                second++;
            }
            balanced.merge(v.balanced().json(), 1, Integer::sum);
        }
        int n = verdicts.size();
        int inconsistent = n - consistent;
        return new PositionConsistency(n, consistent,
                n == 0 ? Estimate.undefined("no pair was judged in both orders") : Estimate.of((double) consistent / n),
                inconsistent, first, second,
                inconsistent == 0 ? Estimate.undefined("no inconsistent pair") : Estimate.of((double) first / inconsistent),
                balanced);
    }

    /**
     * Judge verdicts against every human's preference on the pairs both judged; pairs are the
     * bootstrap unit. {@code exact} is the share of matching verdicts, {@code kappa} Cohen's kappa
     * over A / B / tie, {@code kappa_linear} treats tie as between A and B.
     */
    public static Agreement agreementWithHumans(Map<String, Preference> judge, List<PairVerdict> humans,
                                                BootstrapConfig config) {
        Map<String, java.util.List<Integer>> byPair = new TreeMap<>();
        for (PairVerdict h : humans) {
            if (judge.containsKey(h.pairKey())) {
                byPair.computeIfAbsent(h.pairKey(), k -> new java.util.ArrayList<>()).add(score(h.verdict()));
            }
        }
        ItemPairs pairs = new ItemPairs(PREFERENCE_SCALE);
        byPair.forEach((pair, hs) -> {
            int[] b = hs.stream().mapToInt(Integer::intValue).toArray();
            int[] a = new int[b.length];
            java.util.Arrays.fill(a, score(judge.get(pair)));
            pairs.add(pair, a, b);
        });
        return pairs.agreement(config);
    }

    static int score(Preference p) {
        return switch (p) {
            case B -> 0;
            case TIE -> 1;
            case A -> 2;
        };
    }
}
