package dev.juror.reward.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Master keys" (Zhao et al. 2025, "One Token to Fool LLM-as-a-Judge"; calibration-stats §5.1 A7):
 * responses with no content — empty, only punctuation, or only a reasoning opener such as
 * "Thought process:" or "解" — that some judges reward. The whole trimmed text must be such a
 * key, so a real answer that merely starts with "Solution:" is not hit.
 */
final class MasterKeys {

    /** Openers from the paper and their usual translations; folded like the text before comparing. */
    static final List<String> OPENERS = List.of(
            "thought process", "thinking process", "my thought process", "thoughts", "thinking",
            "let's solve this problem step by step", "let's solve this step by step", "let us solve this step by step",
            "let's think step by step", "let us think step by step", "let's think about this step by step",
            "let's break this down", "let's analyze", "let's analyse", "step by step", "step 1", "first",
            "solution", "the solution", "answer", "the answer", "final answer", "the answer is", "my answer",
            "response", "my response", "analysis", "reasoning", "explanation", "review", "comments", "comment",
            "here is my answer", "here is my analysis", "here is the answer", "here's my answer", "here is my review",
            "sure", "certainly", "ok", "okay", "done", "result", "output",
            "解", "解答", "答案", "答", "解析", "思路", "回答", "解説", "かいせつ", "こたえ", "答え", "정답", "풀이", "해설",
            "respuesta", "la respuesta", "solución", "réponse", "la réponse", "lösung", "antwort", "die antwort",
            "risposta", "soluzione", "resposta", "solução", "antwoord", "oplossing", "ответ", "решение",
            "الحل", "الإجابة", "उत्तर", "हल");

    private final Set<String> folded;

    MasterKeys() {
        Set<String> set = new HashSet<>();
        for (String opener : OPENERS) {
            set.add(FoldedText.of(RevealedText.of(opener)).text());
        }
        folded = Set.copyOf(set);
    }

    /** The master-key rule the whole text matches, or null. */
    Rule match(RevealedText revealed, FoldedText foldedText) {
        String visible = revealed.text();
        if (visible.isBlank()) {
            return Rules.EMPTY;
        }
        if (onlyPunctuation(visible)) {
            return Rules.ONLY_PUNCTUATION;
        }
        String text = foldedText.text();
        if (text.length() > 200) {
            return null;
        }
        int segments = 0;
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (isSeparator(c)) {
                String s = segment.toString().trim();
                segment.setLength(0);
                if (s.isEmpty()) {
                    continue;
                }
                if (!folded.contains(s)) {
                    return null;
                }
                segments++;
            } else {
                segment.append(c);
            }
        }
        return segments > 0 ? Rules.REASONING_OPENER : null;
    }

    private static boolean onlyPunctuation(String s) {
        return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isPunctOrSymbol(cp));
    }

    private static boolean isPunctOrSymbol(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.CONTROL -> true;
            default -> false;
        };
    }

    private static boolean isSeparator(char c) {
        return switch (c) {
            case '.', ':', ';', '!', '?', ',', '\n', '*', '#', '_', '`', '>', '"', '(', ')', '[', ']', '-', '。', '：',
                 '！', '？', '、', '，', '…' -> true;
            default -> false;
        };
    }
}
