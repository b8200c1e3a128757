package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * Readings of reversed text: the whole text read backwards, and the stretches of reversed words
 * inside ordinary prose turned back (as one block, or each word in place).
 */
final class ReversedText {

    /** Vocabulary whose reversed spelling marks a reversed word ("erongi", "snoitcurtsni", "lla"). */
    private static final java.util.Set<String> VOCABULARY = vocabulary();

    private static java.util.Set<String> vocabulary() {
        java.util.Set<String> words = new java.util.HashSet<>(Segmenter.VOCABULARY);
        words.addAll(Keywords.WORDS);
        return java.util.Set.copyOf(words);
    }

    private ReversedText() {
    }

    /** The text with its code points in reverse order; each char maps to its source char. */
    static RevealedText reverse(RevealedText revealed) {
        String s = revealed.text();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] origin = new int[n];
        int w = 0;
        for (int i = n; i > 0; ) {
            int cp = s.codePointBefore(i);
            int len = Character.charCount(cp);
            i -= len;
            out.appendCodePoint(cp);
            for (int k = 0; k < len; k++) {
                origin[w++] = revealed.originalOffset(i + k);
            }
        }
        return new RevealedText(out.toString(), origin, List.of(), revealed.originalLength());
    }

    /**
     * The stretches of reversed words inside a text: whitespace-separated tokens whose letters, read
     * backwards, are a word of the injection vocabulary while the token itself is none (a run starts
     * only at one of three letters or more, so a lone "si" or "fo" is none), joined into one run when at most three other
     * tokens separate them; a token without letters right after a reversed word (".5") joins the
     * run. [start, end) char offsets; empty when there is none.
     */
    static List<int[]> reversedRuns(String s) {
        List<int[]> runs = new ArrayList<>();
        int n = s.length();
        int runStart = -1;
        int runEnd = -1;
        int since = 0;
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            int reversed = reversedWord(s, i, j);
            if (reversed == 2 || (reversed == 1 && runStart >= 0 && since <= 3)) {
                if (runStart < 0 || since > 3) {
                    if (runStart >= 0) {
                        runs.add(new int[] {runStart, runEnd});
                    }
                    runStart = i;
                }
                runEnd = j;
                since = 0;
            } else if (runStart >= 0 && since == 0 && noLetters(s, i, j)) {
                runEnd = j; // "fo .5": a number or punctuation right after a reversed word belongs to it
            } else {
                since++;
            }
            i = j;
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runEnd});
        }
        return runs;
    }

    private static boolean noLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** 2: a reversed vocabulary word of three letters or more; 1: of two letters ("fo"); 0: not reversed. */
    private static int reversedWord(String s, int from, int to) {
        StringBuilder letters = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        if (letters.length() < 2) {
            return 0;
        }
        String word = java.text.Normalizer.normalize(letters, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        if (VOCABULARY.contains(word) || !VOCABULARY.contains(new StringBuilder(word).reverse().toString())) {
            return 0;
        }
        return word.length() >= 3 ? 2 : 1;
    }

    /**
     * The text with every run of reversed words turned back, set off by line breaks (a reversed
     * instruction inside ordinary prose then starts a line, as it started a sentence when written):
     * either the whole run read backwards ({@code asBlock}: "snoitcurtsni suoiverp lla erongI"), or
     * each of its tokens reversed in place ("erongI lla suoiverp snoitcurtsni").
     */
    static RevealedText reverseRuns(RevealedText revealed, List<int[]> runs, boolean asBlock) {
        String s = revealed.text();
        StringBuilder out = new StringBuilder(s.length() + runs.size() * 2);
        IntList origin = new IntList(s.length() + runs.size() * 2);
        int copied = 0;
        for (int[] run : runs) {
            revealed.copyTo(copied, run[0], out, origin);
            out.append('\n');
            origin.add(revealed.originalOffset(run[0]));
            if (asBlock) {
                appendReversed(s, run[0], run[1], revealed, out, origin);
            } else {
                int i = run[0];
                while (i < run[1]) {
                    if (Character.isWhitespace(s.charAt(i))) {
                        out.append(s.charAt(i));
                        origin.add(revealed.originalOffset(i));
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j < run[1] && !Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    appendReversed(s, i, j, revealed, out, origin);
                    i = j;
                }
            }
            out.append('\n');
            origin.add(revealed.originalOffset(run[1] - 1));
            copied = run[1];
        }
        revealed.copyTo(copied, s.length(), out, origin);
        return new RevealedText(out.toString(), origin.toArray(), List.of(), revealed.originalLength());
    }

    private static void appendReversed(String s, int from, int to, RevealedText revealed, StringBuilder out,
                                       IntList origin) {
        for (int k = to; k > from; ) {
            int cp = s.codePointBefore(k);
            int len = Character.charCount(cp);
            k -= len;
            out.appendCodePoint(cp);
            for (int c = 0; c < len; c++) {
                origin.add(revealed.originalOffset(k + c));
            }
        }
    }
}
