package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.TwoRaterResult;
import dev.juror.calibration.views.PairwiseCalibration.PairVerdict;
import dev.juror.rubric.Preference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement on preferences (A / B / tie) for one dimension of a pairwise rubric: Cohen's kappa on
 * the three values with its cluster-bootstrap interval (pairs are the bootstrap unit), the share of
 * identical verdicts, and the accuracy excluding ties (among the comparisons where neither side
 * said tie, the share naming the same winner).
 *
 * @param items                pairs with at least one comparison
 * @param comparisons          verdict pairs compared (a pair labelled by three people gives several)
 * @param kappa                Cohen's kappa over A / B / tie
 * @param exact                share of identical verdicts, ties included
 * @param accuracyExcludingTies share naming the same winner, over comparisons without a tie
 * @param decisive             comparisons without a tie on either side
 */
public record PreferenceAgreement(@JsonProperty("n_pairs") int items, @JsonProperty("n_comparisons") int comparisons,
                                  StatWithCi kappa, StatWithCi exact,
                                  @JsonProperty("accuracy_excluding_ties") StatWithCi accuracyExcludingTies,
                                  @JsonProperty("n_without_ties") int decisive) {

    /** The judge's verdict per pair against every human's verdict on the pairs both gave one. */
    public static PreferenceAgreement judgeVsHumans(Map<String, Preference> judge, List<PairVerdict> humans,
                                                    BootstrapConfig config) {
        Map<String, List<int[]>> byPair = new TreeMap<>();
        for (PairVerdict h : humans) {
            Preference j = judge.get(h.pairKey());
            if (j != null) {
                byPair.computeIfAbsent(h.pairKey(), k -> new ArrayList<>())
                        .add(new int[] {PairwiseCalibration.score(j), PairwiseCalibration.score(h.verdict())});
            }
        }
        return of(byPair, config);
    }

    /** Every two humans who both judged a pair, once per couple. */
    public static PreferenceAgreement humanVsHuman(List<PairVerdict> humans, BootstrapConfig config) {
        Map<String, List<PairVerdict>> byPair = new TreeMap<>();
        humans.forEach(h -> byPair.computeIfAbsent(h.pairKey(), k -> new ArrayList<>()).add(h));
        Map<String, List<int[]>> couples = new TreeMap<>();
        byPair.forEach((pair, verdicts) -> {
            for (int i = 0; i < verdicts.size(); i++) {
                for (int j = i + 1; j < verdicts.size(); j++) {
                    couples.computeIfAbsent(pair, k -> new ArrayList<>()).add(new int[] {
                            PairwiseCalibration.score(verdicts.get(i).verdict()),
                            PairwiseCalibration.score(verdicts.get(j).verdict())});
                }
            }
        });
        return of(couples, config);
    }

    /** Pairs judged by two or more of the given humans. */
    public static int doublyCovered(List<PairVerdict> humans) {
        Map<String, Integer> count = new TreeMap<>();
        humans.forEach(h -> count.merge(h.pairKey(), 1, Integer::sum));
        return (int) count.values().stream().filter(c -> c >= 2).count();
    }

    private static PreferenceAgreement of(Map<String, List<int[]>> byPair, BootstrapConfig config) {
        ItemPairs all = new ItemPairs(PairwiseCalibration.PREFERENCE_SCALE);
        ItemPairs decisive = new ItemPairs(PairwiseCalibration.PREFERENCE_SCALE);
        int tie = PairwiseCalibration.score(Preference.TIE);
        byPair.forEach((pair, comparisons) -> {
            all.add(pair, column(comparisons, 0), column(comparisons, 1));
            List<int[]> withoutTies = comparisons.stream().filter(c -> c[0] != tie && c[1] != tie).toList();
            decisive.add(pair, column(withoutTies, 0), column(withoutTies, 1));
        });
        Agreement a = all.agreement(config);
        Agreement d = decisive.agreement(config);
        return new PreferenceAgreement(a.items(), a.pairs(), a.stat(TwoRaterResult.KAPPA), a.stat(TwoRaterResult.EXACT),
                d.stat(TwoRaterResult.EXACT), d.pairs());
    }

    private static int[] column(List<int[]> rows, int index) {
        return rows.stream().mapToInt(r -> r[index]).toArray();
    }
}
