package dev.juror.reward.checks;

import java.util.List;

/**
 * Caesar shifts (ROT13 and kin): finds the shift that turns a shifted keyword back, and the text
 * shifted back by it.
 */
final class CaesarShifts {

    /** The longer keywords whose shifted spelling is looked for (short ones would match by chance). */
    private static final List<String> SHIFT_KEYWORDS = List.of("instruction", "previous", "ignore", "disregard",
            "evaluator", "criteria", "grader", "rubric", "system", "prompt", "candidate", "response");
    /** Shift-invariant signatures (letter-to-letter differences) of {@link #SHIFT_KEYWORDS}. */
    private static final List<String> SHIFT_SIGNATURES = SHIFT_KEYWORDS.stream().map(CaesarShifts::differences).toList();

    private CaesarShifts() {
    }

    /**
     * The shift (1..25) that turns a keyword's shifted spelling in {@code folded} back into the
     * keyword, or 0. Letter-to-letter differences do not change under a shift, so one pass that
     * writes the differences and one {@code indexOf} per keyword find every shift at once.
     */
    static int shiftOf(String folded) {
        int n = folded.length();
        if (n < 2) {
            return 0;
        }
        char[] diffs = new char[n - 1];
        char a = folded.charAt(0);
        for (int i = 0; i + 1 < n; i++) {
            char b = folded.charAt(i + 1);
            int d = b - a;
            diffs[i] = a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' ? (char) ('a' + (d < 0 ? d + 26 : d)) : ' ';
            a = b;
        }
        String d = new String(diffs);
        for (int k = 0; k < SHIFT_KEYWORDS.size(); k++) {
            String keyword = SHIFT_KEYWORDS.get(k);
            String signature = SHIFT_SIGNATURES.get(k);
            for (int at = d.indexOf(signature); at >= 0; at = d.indexOf(signature, at + 1)) {
                int shift = (folded.charAt(at) - keyword.charAt(0) + 26) % 26;
                if (shift != 0) {
                    return shift;
                }
            }
        }
        return 0;
    }

    private static String differences(String word) {
        char[] out = new char[word.length() - 1];
        for (int i = 0; i + 1 < word.length(); i++) {
            out[i] = (char) ('a' + (word.charAt(i + 1) - word.charAt(i) + 26) % 26);
        }
        return new String(out);
    }

    /** ASCII letters shifted back by {@code shift} (case kept); offsets unchanged. */
    static RevealedText unshift(RevealedText revealed, int shift) {
        char[] c = revealed.text().toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= 'a' && c[i] <= 'z') {
                c[i] = (char) ('a' + (c[i] - 'a' - shift + 26) % 26);
            } else if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) ('A' + (c[i] - 'A' - shift + 26) % 26);
            }
        }
        int[] origin = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            origin[i] = revealed.originalOffset(i);
        }
        return new RevealedText(new String(c), origin, List.of(), revealed.originalLength());
    }
}
