package dev.juror.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Draws a {@link Split} of labelled items by sample, stratified by the experts' scores, from a seed.
 * Samples are sorted by their mean expert score (rounded: the stratum), shuffled within a stratum by
 * the seed, then dealt in the pattern train, validation, train, test: each stratum is spread over the
 * three splits about half, a quarter and a quarter.
 *
 * <p>Minimums (stated in docs/alignment.md): {@value #MIN_SAMPLES_PER_SPLIT} samples in each split
 * (so at least {@value #MIN_SAMPLES} labelled samples), at least {@value #MIN_TRAIN_ITEMS} labelled
 * items in train and {@value #MIN_EVAL_ITEMS} in validation and in test; fewer is refused with the
 * counts, since a kappa interval on fewer items is too wide to choose or report anything.
 */
public final class SplitPlanner {

    public static final int MIN_SAMPLES_PER_SPLIT = 2;
    public static final int MIN_SAMPLES = 3 * MIN_SAMPLES_PER_SPLIT;
    public static final int MIN_TRAIN_ITEMS = 5;
    public static final int MIN_EVAL_ITEMS = 10;

    private enum Part { TRAIN, VALIDATION, TEST }

    private static final Part[] PATTERN = {Part.TRAIN, Part.VALIDATION, Part.TRAIN, Part.TEST};

    private SplitPlanner() {
    }

    /** @throws AlignInputException naming {@code labels} when there are too few for the minimums */
    public static Split plan(List<LabelledItem> items, long seed) {
        Map<String, List<LabelledItem>> bySample = new TreeMap<>();
        items.forEach(i -> bySample.computeIfAbsent(i.sampleId(), k -> new ArrayList<>()).add(i));
        if (bySample.size() < MIN_SAMPLES) {
            throw new AlignInputException("labels", "alignment needs labelled items in at least " + MIN_SAMPLES
                    + " samples (" + MIN_SAMPLES_PER_SPLIT + " per split: train, validation, test); the labels cover "
                    + bySample.size() + " sample" + (bySample.size() == 1 ? "" : "s") + " (" + items.size() + " items)");
        }
        Random random = new Random(seed);
        Map<Long, List<String>> strata = new TreeMap<>();
        bySample.forEach((sample, list) -> strata.computeIfAbsent(
                Math.round(list.stream().mapToDouble(LabelledItem::meanScore).average().orElse(0)),
                k -> new ArrayList<>()).add(sample));
        List<String> ordered = new ArrayList<>();
        for (List<String> stratum : strata.values()) {
            stratum.sort(Comparator.naturalOrder());
            Collections.shuffle(stratum, random);
            ordered.addAll(stratum);
        }
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        List<String> test = new ArrayList<>();
        int offset = random.nextInt(PATTERN.length);
        for (int i = 0; i < ordered.size(); i++) {
            switch (PATTERN[(i + offset) % PATTERN.length]) {
                case TRAIN -> train.add(ordered.get(i));
                case VALIDATION -> validation.add(ordered.get(i));
                case TEST -> test.add(ordered.get(i));
            }
        }
        // Small workspaces: the pattern may leave a split short of samples; take from train, the largest.
        fill(validation, train);
        fill(test, train);
        Split split = new Split(seed, sorted(train), sorted(validation), sorted(test), count(bySample, train),
                count(bySample, validation), count(bySample, test), 0);
        check(split);
        return split;
    }

    private static void fill(List<String> part, List<String> train) {
        while (part.size() < MIN_SAMPLES_PER_SPLIT && train.size() > MIN_SAMPLES_PER_SPLIT) {
            part.add(train.removeLast());
        }
    }

    private static void check(Split s) {
        if (s.trainItems() < MIN_TRAIN_ITEMS || s.validationItems() < MIN_EVAL_ITEMS || s.testItems() < MIN_EVAL_ITEMS) {
            throw new AlignInputException("labels", "too few labelled items for the splits: train " + s.trainItems()
                    + " (needs " + MIN_TRAIN_ITEMS + "), validation " + s.validationItems() + " (needs " + MIN_EVAL_ITEMS
                    + "), test " + s.testItems() + " (needs " + MIN_EVAL_ITEMS + "); label more items");
        }
    }

    private static int count(Map<String, List<LabelledItem>> bySample, List<String> samples) {
        return samples.stream().mapToInt(s -> bySample.get(s).size()).sum();
    }

    private static List<String> sorted(List<String> samples) {
        return samples.stream().sorted().toList();
    }
}
