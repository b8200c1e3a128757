package dev.juror.reward.checks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites leetspeak and typoglycemia variants of the injection keywords to the keyword itself
 * (OWASP prompt-injection cheat sheet: "ignroe all prevoius systme instructions"). A variant has
 * the same first letter and the same other letters in any order (the last letter stays fixed in
 * words under six letters), after mapping
 * 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s. Any other word mixing letters with those digits is un-leeted
 * too ("4ll" → "all"); pure numbers are left alone. Same length, so the offset map stays valid.
 */
final class Keywords {

    static final List<String> WORDS = List.of(
            "ignore", "disregard", "forget", "override", "previous", "prior", "above", "earlier", "preceding",
            "instructions", "instruction", "system", "prompt", "criteria", "evaluator", "grader", "judge",
            "score", "rating", "developer", "reveal", "assistant", "response", "please", "perfect", "maximum",
            "highest", "completed", "evaluate", "evaluating", "verdict");

    private static final Map<String, String> BY_SIGNATURE = index();

    private Keywords() {
    }

    static void canonicalise(char[] text) {
        int i = 0;
        while (i < text.length) {
            if (!isWordChar(text[i])) {
                i++;
                continue;
            }
            int start = i;
            boolean hasLetter = false;
            while (i < text.length && isWordChar(text[i])) {
                hasLetter |= text[i] >= 'a' && text[i] <= 'z';
                i++;
            }
            int len = i - start;
            if (!hasLetter) {
                continue; // numbers ("10/10", "5") must survive for the score rules
            }
            char[] word = new char[len];
            boolean leet = false;
            for (int k = 0; k < len; k++) {
                word[k] = unleet(text[start + k]);
                leet |= word[k] != text[start + k];
            }
            String keyword = len >= 4 && len <= 12 ? BY_SIGNATURE.get(signature(word)) : null;
            if (keyword != null) {
                keyword.getChars(0, len, text, start);
            } else if (leet) {
                System.arraycopy(word, 0, text, start, len); // "4ll" -> "all"
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '$';
    }

    private static char unleet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    /**
     * First letter, then the other letters sorted; words under six letters also keep their last
     * letter, because short anagrams collide with real words. ("systme" is in the OWASP examples,
     * so six letters and more may move the last letter too.)
     */
    private static String signature(char[] word) {
        boolean keepLast = word.length < 6;
        char[] rest = Arrays.copyOfRange(word, 1, keepLast ? word.length - 1 : word.length);
        Arrays.sort(rest);
        return word[0] + new String(rest) + (keepLast ? String.valueOf(word[word.length - 1]) : "");
    }

    private static Map<String, String> index() {
        Map<String, String> map = new HashMap<>();
        for (String w : WORDS) {
            map.put(signature(w.toCharArray()), w);
        }
        return Map.copyOf(map);
    }
}
