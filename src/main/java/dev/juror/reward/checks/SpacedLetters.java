package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reading of a text with its runs of spaced single letters joined into words ("I g n o r e",
 * "i.g.n.o.r.e"): a judge model reads such a run as the words it spells, the patterns do not.
 */
final class SpacedLetters {

    /** Fewest spaced single letters that make a run (shorter runs are initials, list labels, formulas). */
    static final int MIN_SPACED_LETTERS = 6;

    private SpacedLetters() {
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '/' || c == '+'
                || c == '~' || c == '·' || c == '•' || c == ',' || c == '\u00A0' || c == '\t' || c == '\n';
    }

    private static boolean single(String s, int i) {
        return i < s.length() && Character.isLetterOrDigit(s.charAt(i))
                && (i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
    }

    /**
     * Collapses every run of at least {@link #MIN_SPACED_LETTERS} single letters, each followed by a
     * short separator ("I g n o r e", "i.g.n.o.r.e", "忽 略 之 前"). Inside a run the most frequent
     * separator joins letters of one word; any other separator (a wider gap, " / ") is a word gap.
     * A run without word gaps is split into words with a small dictionary of injection vocabulary.
     * Null when the text has no such run.
     */
    static RevealedText collapse(RevealedText revealed) {
        String s = revealed.text();
        int n = s.length();
        StringBuilder out = null;
        IntList origin = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            if (i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                i += 2; // inside a word: skip it whole
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (!single(s, i)) {
                i++;
                continue;
            }
            // walk a run: letter, separator(s), letter, ...
            List<int[]> letters = new ArrayList<>(); // [index, separatorStart, separatorEnd]
            int j = i;
            while (single(s, j)) {
                int k = j + 1;
                while (k < n && k - j <= 4 && separator(s.charAt(k))) {
                    k++;
                }
                letters.add(new int[] {j, j + 1, k});
                if (k == j + 1 || !single(s, k)) {
                    break;
                }
                j = k;
            }
            if (letters.size() < MIN_SPACED_LETTERS) {
                i = letters.get(letters.size() - 1)[0] + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
                origin = new IntList(n);
            }
            revealed.copyTo(copied, i, out, origin);
            appendRun(s, letters, out, origin, revealed);
            int[] last = letters.get(letters.size() - 1);
            copied = last[1]; // the separator after the last letter is kept
            i = last[1];
        }
        if (out == null) {
            return null;
        }
        revealed.copyTo(copied, n, out, origin);
        return new RevealedText(out.toString(), origin.toArray(), List.of(), revealed.originalLength());
    }

    private static void appendRun(String s, List<int[]> letters, StringBuilder out, IntList origin,
                                  RevealedText revealed) {
        // the most frequent separator between letters is the in-word joiner
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int k = 0; k < letters.size() - 1; k++) {
            counts.merge(s.substring(letters.get(k)[1], letters.get(k)[2]), 1, Integer::sum);
        }
        String joiner = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(" ");
        boolean gaps = counts.size() > 1;
        StringBuilder word = new StringBuilder();
        IntList wordOrigin = new IntList(16);
        for (int k = 0; k < letters.size(); k++) {
            int[] l = letters.get(k);
            word.append(s.charAt(l[0]));
            wordOrigin.add(revealed.originalOffset(l[0]));
            boolean lastLetter = k == letters.size() - 1;
            if (lastLetter || !s.substring(l[1], l[2]).equals(joiner)) {
                appendWord(word, wordOrigin.toArray(), gaps, out, origin);
                if (!lastLetter) {
                    out.append(' ');
                    origin.add(revealed.originalOffset(l[1]));
                }
                word.setLength(0);
                wordOrigin = new IntList(16);
            }
        }
    }

    private static void appendWord(CharSequence word, int[] wordOrigin, boolean gaps, StringBuilder out, IntList origin) {
        List<Integer> breaks = gaps ? List.of() : Segmenter.breaks(word);
        int b = 0;
        for (int k = 0; k < word.length(); k++) {
            if (b < breaks.size() && breaks.get(b) == k) {
                out.append(' ');
                origin.add(wordOrigin[k]);
                b++;
            }
            out.append(word.charAt(k));
            origin.add(wordOrigin[k]);
        }
    }
}
