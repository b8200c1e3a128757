package dev.juror.judge.heuristic;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Content words of a text for lexical overlap: lower-cased, accents dropped, letters and digits
 * only, at least four characters, common English function words and contract boilerplate removed,
 * and a crude plural/-ing/-ed stem so "terminates" meets "termination" half-way ("terminat").
 */
final class Words {

    private static final Set<String> STOP = Set.of(
            "that", "this", "with", "from", "have", "will", "shall", "would", "should", "could", "which", "their",
            "there", "these", "those", "they", "them", "then", "than", "what", "when", "where", "whom", "while",
            "into", "onto", "upon", "about", "after", "before", "other", "such", "only", "also", "each", "both",
            "been", "being", "were", "does", "doing", "done", "must", "more", "most", "some", "very", "here", "your",
            "ours", "over", "under", "between", "within", "without", "because", "same", "made", "make", "makes",
            "party", "parties", "agreement", "contract", "clause", "section", "hereof", "herein", "thereof",
            "provided", "including", "include", "includes", "says", "said", "states", "state");

    private Words() {
    }

    static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else if (!word.isEmpty()) {
                add(words, word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    private static void add(Set<String> words, String w) {
        if (w.length() < 4 || STOP.contains(w)) {
            return;
        }
        words.add(stem(w));
    }

    static String stem(String w) {
        for (String suffix : new String[] {"ations", "ation", "ions", "ion", "ings", "ing", "ies", "ed", "es", "s"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String w : small) {
            if (large.contains(w)) {
                n++;
            }
        }
        return n;
    }
}
