package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a run of letters written without word gaps ("ignoreallpreviousinstructions", what is left
 * of "i g n o r e a l l p r e v i o u s ...") into words of a small vocabulary of injections, so
 * the patterns, which need word boundaries, can read it. Dynamic programming over the run: cover
 * as many letters as possible with vocabulary words, then use as few words as possible. Letters no
 * word covers stay glued to their neighbours; the result is for matching only.
 */
final class Segmenter {

    /** Longer runs are left alone (bounded work; an attack spells a sentence, not a chapter). */
    static final int MAX_RUN = 400;

    static final Set<String> VOCABULARY = Set.copyOf(List.of(
            // English: the verbs, objects and fillers of instructions to a grader
            "ignore", "disregard", "forget", "override", "skip", "bypass", "all", "any", "the", "your", "my", "of",
            "previous", "prior", "above", "earlier", "preceding", "system", "original", "instructions", "instruction",
            "prompt", "prompts", "rules", "rule", "criteria", "rubric", "guidelines", "and", "or", "to", "a", "an",
            "give", "award", "assign", "rate", "score", "mark", "grade", "this", "me", "us", "response", "answer",
            "comment", "comments", "full", "perfect", "maximum", "max", "highest", "top", "marks", "points", "please",
            "you", "are", "now", "judge", "grader", "evaluator", "as", "must", "should", "is", "be", "it", "highly",
            "new", "updated", "grading", "scoring", "evaluation", "pick", "choose", "output", "only", "then", "instead",
            "reveal", "candidate", "end", "for", "whoever", "grades", "evaluates", "note", "from", "on", "with", "what",
            "everything", "said", "before", "tell", "say", "print", "return", "five", "ten", "out", "stars", "one",
            // French, Spanish, German: the same instruction
            "ignorez", "oubliez", "toutes", "les", "instructions", "precedentes", "anterieures", "donnez", "moi",
            "note", "maximale", "ignora", "olvida", "todas", "las", "instrucciones", "anteriores", "previas", "dame",
            "puntuacion", "maxima", "ignoriere", "vergiss", "alle", "vorherigen", "anweisungen", "gib", "mir", "die",
            "volle", "punktzahl"));

    private static final int LONGEST = VOCABULARY.stream().mapToInt(String::length).max().orElse(1);

    private Segmenter() {
    }

    /** Offsets in {@code word} before which a word break belongs (ascending; empty when none helps). */
    static List<Integer> breaks(CharSequence word) {
        int n = word.length();
        if (n < 2 || n > MAX_RUN) {
            return List.of();
        }
        String w = word.toString().toLowerCase(java.util.Locale.ROOT);
        int[] uncovered = new int[n + 1]; // best (fewest uncovered letters) for the prefix of length i
        int[] words = new int[n + 1];
        int[] from = new int[n + 1];
        boolean[] vocab = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            uncovered[i] = uncovered[i - 1] + 1; // letter i-1 glued to what precedes it
            words[i] = words[i - 1];
            from[i] = i - 1;
            vocab[i] = false;
            for (int len = 1; len <= Math.min(LONGEST, i); len++) {
                if (VOCABULARY.contains(w.substring(i - len, i))) {
                    int u = uncovered[i - len];
                    int c = words[i - len] + 1;
                    if (u < uncovered[i] || (u == uncovered[i] && c < words[i])) {
                        uncovered[i] = u;
                        words[i] = c;
                        from[i] = i - len;
                        vocab[i] = true;
                    }
                }
            }
        }
        if (uncovered[n] * 2 > n) {
            return List.of(); // mostly not our vocabulary: leave the run as it is
        }
        List<Integer> out = new ArrayList<>();
        int i = n;
        while (i > 0) {
            int start = from[i];
            if (vocab[i] && start > 0) {
                out.add(start);
            } else if (!vocab[i] && start > 0 && vocab[start]) {
                out.add(start);
            }
            i = start;
        }
        out.sort(null);
        return out;
    }
}
