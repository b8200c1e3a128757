package dev.juror.reward.checks;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Stage two of normalisation: the revealed text folded for matching, so trivial obfuscation does
 * not evade the patterns. Per code point: compatibility decomposition (NFKD: full-width, ligatures,
 * mathematical letters), combining marks dropped, lower case, common Cyrillic and Greek
 * look-alikes mapped to Latin, typographic quotes and dashes to ASCII; runs of whitespace collapse
 * to one space (or one newline when the run contains a line break, so line-start rules still work).
 * Finally words that are leetspeak or typoglycemia variants of a small keyword list ("1gn0re",
 * "ignroe", "prevoius") are rewritten to the keyword. Every rewrite keeps a per-char map back to
 * the original offset; the folded text is for matching only, never shown.
 */
record FoldedText(String text, int[] origin, int originalLength) {

    static FoldedText of(RevealedText revealed) {
        String s = revealed.text();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        IntList origin = new IntList(n);
        Map<Integer, String> decompositions = new HashMap<>();
        boolean pendingSpace = false;
        boolean pendingNewline = false;
        int pendingOrigin = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int from = revealed.originalOffset(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                if (!pendingSpace) {
                    pendingOrigin = from;
                }
                pendingSpace = true;
                pendingNewline |= cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
                continue;
            }
            if (pendingSpace) {
                if (out.length() > 0) {
                    out.append(pendingNewline ? '\n' : ' ');
                    origin.add(pendingOrigin);
                }
                pendingSpace = false;
                pendingNewline = false;
            }
            if (cp < 0x80) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
                origin.add(from);
                continue;
            }
            int mapped = Homoglyphs.toLatin(cp);
            if (mapped >= 0) {
                out.append((char) mapped);
                origin.add(from);
                continue;
            }
            String decomposed = decompositions.computeIfAbsent(cp, FoldedText::fold);
            for (int k = 0; k < decomposed.length(); k++) {
                char d = decomposed.charAt(k);
                out.append(d == ' ' ? ' ' : d);
                origin.add(from);
            }
        }
        char[] chars = out.toString().toCharArray();
        Keywords.canonicalise(chars);
        return new FoldedText(new String(chars), origin.toArray(), revealed.originalLength());
    }

    int originalOffset(int index) {
        return index < origin.length ? origin[index] : originalLength;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** Folds one non-ASCII, non-homoglyph code point to its matching form (possibly empty). */
    private static String fold(int cp) {
        String quoteOrDash = Homoglyphs.punctuation(cp);
        if (quoteOrDash != null) {
            return quoteOrDash;
        }
        String nfkd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(nfkd.length());
        nfkd.codePoints().forEach(d -> {
            int type = Character.getType(d);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                return;
            }
            int lower = Character.toLowerCase(d);
            int latin = Homoglyphs.toLatin(lower);
            if (latin >= 0) {
                folded.append((char) latin);
            } else if (isSpace(lower)) {
                folded.append(' ');
            } else {
                String p = Homoglyphs.punctuation(lower);
                if (p != null) {
                    folded.append(p);
                } else {
                    folded.appendCodePoint(lower);
                }
            }
        });
        return folded.toString();
    }
}
