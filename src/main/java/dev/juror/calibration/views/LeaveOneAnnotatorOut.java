package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.rating.Item;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.Bootstrap;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.BootstrapResult;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.ItemGroups;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.calibration.stats.TwoRaterAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leave-one-annotator-out test: does the judge agree with the other experts at least as well as the
 * held-out expert does? For each labeller h, on the items h labelled together with the judge and at
 * least one other labeller: kappa_human(h) = quadratic kappa of h against every other labeller
 * (pooled pairs), kappa_judge(h) = quadratic kappa of the judge against the same others on the same
 * items. The summary is the mean over labellers of kappa_judge(h) - kappa_human(h), with a cluster
 * bootstrap interval over items (every held-out comparison recomputed on each resample). A judge
 * "within the human ceiling" has mean difference >= -margin.
 *
 * @param perAnnotator  one row per held-out labeller
 * @param meanDifference mean of kappa_judge - kappa_human over labellers where both are defined
 * @param judgeWins      labellers where kappa_judge >= kappa_human, of those where both are defined
 */
public record LeaveOneAnnotatorOut(@JsonProperty("per_annotator") List<HeldOut> perAnnotator,
                                   @JsonProperty("items") int items,
                                   @JsonProperty("mean_difference") StatWithCi meanDifference,
                                   @JsonProperty("judge_at_least_as_good") int judgeWins,
                                   @JsonProperty("compared_annotators") int compared) {

    /** One held-out labeller. */
    public record HeldOut(String annotator, int items, @JsonProperty("kappa_human") Estimate kappaHuman,
                          @JsonProperty("kappa_judge") Estimate kappaJudge, Estimate difference) {
    }

    /**
     * @param humansByItem humans' ratings per item (one dimension)
     * @param judge        the judge's rating per item (items it did not score are absent)
     */
    public static LeaveOneAnnotatorOut compute(Map<Item, Map<String, Rating>> humansByItem, Map<Item, Rating> judge,
                                               List<String> humans, ScoreRange scale, BootstrapConfig config) {
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Item, Map<String, Rating>> e : humansByItem.entrySet()) {
            if (e.getValue().size() >= 2 && judge.containsKey(e.getKey())) {
                items.add(e.getKey());
            }
        }
        // per held-out labeller: for each item, the human-vs-others and judge-vs-others pairs
        int h = humans.size();
        Builder[] builders = new Builder[h];
        for (int i = 0; i < h; i++) {
            builders[i] = new Builder(scale, items.size());
        }
        for (int it = 0; it < items.size(); it++) {
            Item item = items.get(it);
            Map<String, Rating> raters = humansByItem.get(item);
            int j = judge.get(item).score();
            for (int i = 0; i < h; i++) {
                Rating held = raters.get(humans.get(i));
                if (held == null) {
                    continue;
                }
                for (Rating other : raters.values()) {
                    if (!other.rater().equals(held.rater())) {
                        builders[i].add(it, held.score(), other.score(), j);
                    }
                }
            }
        }
        int[] full = ItemGroups.distinct(items.size()).fullCounts();
        List<HeldOut> rows = new ArrayList<>();
        int wins = 0;
        int compared = 0;
        for (int i = 0; i < h; i++) {
            Estimate kh = builders[i].kappaHuman(full);
            Estimate kj = builders[i].kappaJudge(full);
            Estimate diff = difference(kj, kh);
            if (diff.isDefined()) {
                compared++;
                if (diff.value() >= 0) {
                    wins++;
                }
            }
            rows.add(new HeldOut(humans.get(i), builders[i].itemCount(), kh, kj, diff));
        }
        StatWithCi mean;
        if (items.isEmpty()) {
            mean = StatWithCi.without(Estimate.undefined(
                    "no item has both a judge score and labels from two or more humans"), "no items");
        } else {
            BootstrapResult r = Bootstrap.ci(ItemGroups.distinct(items.size()), counts -> meanDifference(builders, counts),
                    config);
            mean = StatWithCi.of(r);
        }
        return new LeaveOneAnnotatorOut(rows, items.size(), mean, wins, compared);
    }

    private static Estimate meanDifference(Builder[] builders, int[] counts) {
        double sum = 0;
        int n = 0;
        for (Builder b : builders) {
            Estimate d = difference(b.kappaJudge(counts), b.kappaHuman(counts));
            if (d.isDefined()) {
                sum += d.value();
                n++;
            }
        }
        return n == 0 ? Estimate.undefined("no held-out labeller has both kappas defined") : Estimate.of(sum / n);
    }

    private static Estimate difference(Estimate judge, Estimate human) {
        if (!judge.isDefined()) {
            return Estimate.undefined("judge kappa undefined: " + ((Estimate.Undefined) judge).reason());
        }
        if (!human.isDefined()) {
            return Estimate.undefined("human kappa undefined: " + ((Estimate.Undefined) human).reason());
        }
        return Estimate.of(judge.value() - human.value());
    }

    /** Pairs of one held-out labeller, per item index. */
    private static final class Builder {
        private final ScoreRange scale;
        private final List<List<int[]>> pairsOfItem = new ArrayList<>();

        Builder(ScoreRange scale, int items) {
            this.scale = scale;
            for (int i = 0; i < items; i++) {
                pairsOfItem.add(new ArrayList<>());
            }
        }

        void add(int item, int held, int other, int judge) {
            pairsOfItem.get(item).add(new int[] {held, other, judge});
        }

        int itemCount() {
            return (int) pairsOfItem.stream().filter(p -> !p.isEmpty()).count();
        }

        Estimate kappaHuman(int[] counts) {
            return kappa(counts, 0);
        }

        Estimate kappaJudge(int[] counts) {
            return kappa(counts, 2);
        }

        private Estimate kappa(int[] counts, int rowColumn) {
            int k = scale.size();
            int[] table = new int[k * k];
            for (int i = 0; i < pairsOfItem.size(); i++) {
                if (counts[i] == 0) {
                    continue;
                }
                for (int[] p : pairsOfItem.get(i)) {
                    table[scale.index(p[rowColumn]) * k + scale.index(p[1])] += counts[i];
                }
            }
            return TwoRaterAgreement.fromCellCounts(table, scale).kappaQuadratic();
        }
    }
}
