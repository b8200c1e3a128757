package dev.juror.reward.checks;

import java.util.Map;

/**
 * Cyrillic and Greek letters that look like Latin ones ("іgnоre" with Cyrillic і and о), mapped to
 * the Latin letter a reader sees. Only for matching: real Russian or Greek text folds to Latin
 * gibberish, which no rule matches.
 */
final class Homoglyphs {

    private static final Map<Integer, Character> LATIN = Map.ofEntries(
            // Cyrillic lower and upper case
            Map.entry(0x0430, 'a'), Map.entry(0x0410, 'a'), Map.entry(0x0432, 'b'), Map.entry(0x0412, 'b'),
            Map.entry(0x0441, 'c'), Map.entry(0x0421, 'c'), Map.entry(0x0501, 'd'), Map.entry(0x0435, 'e'),
            Map.entry(0x0415, 'e'), Map.entry(0x0451, 'e'), Map.entry(0x04BB, 'h'), Map.entry(0x041D, 'h'),
            Map.entry(0x043D, 'h'), Map.entry(0x0456, 'i'), Map.entry(0x0406, 'i'), Map.entry(0x04CF, 'i'),
            Map.entry(0x0458, 'j'), Map.entry(0x0408, 'j'), Map.entry(0x043A, 'k'), Map.entry(0x041A, 'k'),
            Map.entry(0x041C, 'm'), Map.entry(0x043C, 'm'), Map.entry(0x043E, 'o'), Map.entry(0x041E, 'o'),
            Map.entry(0x0440, 'p'), Map.entry(0x0420, 'p'), Map.entry(0x051B, 'q'), Map.entry(0x0455, 's'),
            Map.entry(0x0405, 's'), Map.entry(0x0442, 't'), Map.entry(0x0422, 't'), Map.entry(0x0443, 'y'),
            Map.entry(0x0423, 'y'), Map.entry(0x051D, 'w'), Map.entry(0x0445, 'x'), Map.entry(0x0425, 'x'),
            Map.entry(0x0491, 'r'), Map.entry(0x0433, 'r'),
            // Greek lower and upper case
            Map.entry(0x03B1, 'a'), Map.entry(0x0391, 'a'), Map.entry(0x0392, 'b'), Map.entry(0x03B5, 'e'),
            Map.entry(0x0395, 'e'), Map.entry(0x0396, 'z'), Map.entry(0x0397, 'h'), Map.entry(0x03B9, 'i'),
            Map.entry(0x0399, 'i'), Map.entry(0x03BA, 'k'), Map.entry(0x039A, 'k'), Map.entry(0x039C, 'm'),
            Map.entry(0x03BD, 'v'), Map.entry(0x039D, 'n'), Map.entry(0x03BF, 'o'), Map.entry(0x039F, 'o'),
            Map.entry(0x03C1, 'p'), Map.entry(0x03A1, 'p'), Map.entry(0x03C4, 't'), Map.entry(0x03A4, 't'),
            Map.entry(0x03C5, 'u'), Map.entry(0x03A5, 'y'), Map.entry(0x03C7, 'x'), Map.entry(0x03A7, 'x'),
            Map.entry(0x03C9, 'w'),
            // Latin look-alikes outside ASCII that NFKD leaves alone
            Map.entry(0x0131, 'i'), Map.entry(0x0269, 'i'), Map.entry(0x0261, 'g'), Map.entry(0x01C0, 'l'),
            Map.entry(0x0251, 'a'), Map.entry(0x1D00, 'a'), Map.entry(0x0280, 'r'), Map.entry(0x026A, 'i'));

    private Homoglyphs() {
    }

    /** The Latin letter {@code cp} imitates, or -1. */
    static int toLatin(int cp) {
        Character c = LATIN.get(cp);
        return c == null ? -1 : c;
    }

    /** ASCII for typographic quotes, dashes and angle brackets, or null. */
    static String punctuation(int cp) {
        return switch (cp) {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC -> "'";
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB -> "\"";
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58 -> "-";
            case 0x2039, 0x27E8, 0x3008, 0x2329 -> "<";
            case 0x203A, 0x27E9, 0x3009, 0x232A -> ">";
            default -> null;
        };
    }
}
