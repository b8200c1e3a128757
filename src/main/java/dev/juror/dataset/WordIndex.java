package dev.juror.dataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The words (letter/digit runs) of a folded text as vocabulary ids with their positions, built once
 * per document so fuzzy search can slide a bag-of-words window in linear time.
 */
final class WordIndex {

    final int[] ids;
    final int[] starts;
    final int[] ends;
    private final Map<String, Integer> vocabulary;

    private WordIndex(int[] ids, int[] starts, int[] ends, Map<String, Integer> vocabulary) {
        this.ids = ids;
        this.starts = starts;
        this.ends = ends;
        this.vocabulary = vocabulary;
    }

    int size() {
        return ids.length;
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    static WordIndex of(String folded) {
        Map<String, Integer> vocabulary = new HashMap<>();
        int capacity = Math.max(16, folded.length() / 5);
        int[] ids = new int[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        int n = folded.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && Character.isLetterOrDigit(folded.charAt(j))) {
                j++;
            }
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            Integer id = vocabulary.computeIfAbsent(folded.substring(i, j), w -> vocabulary.size());
            ids[count] = id;
            starts[count] = i;
            ends[count] = j;
            count++;
            i = j;
        }
        return new WordIndex(Arrays.copyOf(ids, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count),
                vocabulary);
    }

    /** Vocabulary ids of the words of another folded text; -1 for words this document lacks. */
    int[] lookup(String folded) {
        WordIndex words = of(folded);
        int[] result = new int[words.size()];
        String[] byId = new String[words.vocabularySize()];
        words.vocabulary.forEach((w, id) -> byId[id] = w);
        for (int k = 0; k < result.length; k++) {
            result[k] = vocabulary.getOrDefault(byId[words.ids[k]], -1);
        }
        return result;
    }
}
