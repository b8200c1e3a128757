package dev.juror.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two ways the few-shot source chooses train items, as pure functions over the items and their
 * embeddings (deterministic: ties break by a seeded hash of the item key, then the key itself).
 *
 * <ul>
 *   <li>{@link #byCoverage}: every (dimension, level) the experts used appears in at least one example,
 *       greedily (the item that covers the most uncovered pairs first), each pick the most typical item of
 *       what it covers (closest to the mean of the items at that level);</li>
 *   <li>{@link #bySimilarity}: the examples that best represent the judge's mistakes on the train split
 *       (greedy facility location: each disagreement counts with its similarity to the nearest example),
 *       so the judge sees, with the experts' scores, the kind of item it got wrong.</li>
 * </ul>
 */
final class FewShotPicker {

    private final List<TrainExample> items;
    private final List<float[]> vectors;
    private final List<String> dimensions;
    private final long seed;
    private final List<Set<String>> pairSets = new ArrayList<>();
    private final List<Integer> order;

    FewShotPicker(List<TrainExample> items, List<float[]> vectors, List<String> dimensions, long seed) {
        if (items.size() != vectors.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + vectors.size() + " vectors");
        }
        this.items = items;
        this.vectors = vectors;
        this.dimensions = dimensions;
        this.seed = seed;
        items.forEach(e -> pairSets.add(pairsOf(e)));
        this.order = order();
    }

    /** Indexes of at most {@code max} items covering as many (dimension, level) pairs as possible. */
    List<Integer> byCoverage(int max) {
        Set<String> uncovered = new LinkedHashSet<>();
        pairSets.forEach(uncovered::addAll);
        List<Integer> chosen = new ArrayList<>();
        while (!uncovered.isEmpty() && chosen.size() < max) {
            int best = -1;
            int bestGain = 0;
            boolean bestMistake = false;
            double bestTypicality = 0;
            for (int i : order) {
                if (chosen.contains(i)) {
                    continue;
                }
                Set<String> gain = new LinkedHashSet<>(pairSets.get(i));
                gain.retainAll(uncovered);
                if (gain.isEmpty() || gain.size() < bestGain) {
                    continue;
                }
                boolean mistake = items.get(i).disagrees();
                double typicality = typicality(i, gain);
                // most new pairs; then an item the judge got wrong (its expert scores teach most); then typical
                boolean better = gain.size() > bestGain || (mistake && !bestMistake)
                        || (mistake == bestMistake && typicality > bestTypicality);
                if (better) {
                    best = i;
                    bestGain = gain.size();
                    bestMistake = mistake;
                    bestTypicality = typicality;
                }
            }
            if (best < 0) {
                break;
            }
            chosen.add(best);
            uncovered.removeAll(pairSets.get(best));
        }
        return chosen;
    }

    /** Indexes of at most {@code max} items that best represent the disagreements (empty when there are none). */
    List<Integer> bySimilarity(int max) {
        return extendBySimilarity(List.of(), max);
    }

    /**
     * {@code chosen} plus items that best represent the disagreements not yet near a chosen item, up to
     * {@code max} in all; stops early when no item brings a disagreement closer.
     */
    List<Integer> extendBySimilarity(List<Integer> already, int max) {
        List<Integer> mistakes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).disagrees()) {
                mistakes.add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>(already);
        if (mistakes.isEmpty()) {
            return chosen;
        }
        double[] nearest = new double[mistakes.size()];
        java.util.Arrays.fill(nearest, -1);
        for (int c : chosen) {
            for (int m = 0; m < mistakes.size(); m++) {
                nearest[m] = Math.max(nearest[m], similarity(c, mistakes.get(m)));
            }
        }
        while (chosen.size() < Math.min(max, items.size())) {
            int best = -1;
            double bestGain = 1e-9;
            for (int i : order) {
                if (chosen.contains(i)) {
                    continue;
                }
                double gain = 0;
                for (int m = 0; m < mistakes.size(); m++) {
                    gain += Math.max(0, similarity(i, mistakes.get(m)) - nearest[m]);
                }
                if (gain > bestGain) {
                    best = i;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            chosen.add(best);
            for (int m = 0; m < mistakes.size(); m++) {
                nearest[m] = Math.max(nearest[m], similarity(best, mistakes.get(m)));
            }
        }
        return chosen;
    }

    private Set<String> pairsOf(TrainExample e) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : dimensions) {
            Integer score = e.expertScores().get(d);
            if (score != null) {
                out.add(d + "=" + score);
            }
        }
        return out;
    }

    /** Mean similarity of item i to the other items sharing the (dimension, level) pairs it would cover. */
    private double typicality(int i, Set<String> gain) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < items.size(); j++) {
            if (j == i) {
                continue;
            }
            if (!java.util.Collections.disjoint(pairSets.get(j), gain)) {
                sum += similarity(i, j);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private double similarity(int i, int j) {
        return i == j ? 1 : TextEmbedder.cosine(vectors.get(i), vectors.get(j));
    }

    /** Items in a seeded but stable order, so equal candidates are broken the same way on every run. */
    private List<Integer> order() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> mix(seed ^ items.get(i).itemKey().hashCode()))
                .thenComparing(i -> items.get(i).itemKey()));
        return order;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The items a list of indexes names. */
    List<TrainExample> items(List<Integer> indexes) {
        return indexes.stream().map(items::get).toList();
    }

    /** For tests and descriptions: the (dimension, level) pairs the chosen items cover. */
    Set<String> covered(List<Integer> indexes) {
        Set<String> out = new LinkedHashSet<>();
        indexes.forEach(i -> out.addAll(pairSets.get(i)));
        return out;
    }
}
