package dev.juror.reward.checks;

import java.util.List;
import java.util.Map;

/**
 * The reading of a text with its HTML entities and percent encoding decoded ("&amp;lt;/candidate&amp;gt;",
 * "%3C%2Fcandidate%3E"): a judge model reads them as the characters they stand for. Decoded
 * characters map to the offset of the escape that produced them.
 */
final class EntityDecoding {

    private static final Map<String, Character> ENTITY_NAMES = Map.ofEntries(Map.entry("lt", '<'),
            Map.entry("gt", '>'), Map.entry("amp", '&'), Map.entry("quot", '"'), Map.entry("apos", '\''),
            Map.entry("sol", '/'), Map.entry("bsol", '\\'), Map.entry("nbsp", ' '), Map.entry("lsqb", '['),
            Map.entry("rsqb", ']'), Map.entry("lbrack", '['), Map.entry("rbrack", ']'), Map.entry("lpar", '('),
            Map.entry("rpar", ')'), Map.entry("excl", '!'), Map.entry("colon", ':'), Map.entry("vert", '|'),
            Map.entry("verbar", '|'), Map.entry("num", '#'), Map.entry("equals", '='), Map.entry("lcub", '{'),
            Map.entry("rcub", '}'), Map.entry("lowbar", '_'), Map.entry("hyphen", '-'), Map.entry("period", '.'),
            Map.entry("comma", ','), Map.entry("semi", ';'), Map.entry("quest", '?'), Map.entry("ast", '*'),
            Map.entry("dash", '-'), Map.entry("newline", '\n'));


    private EntityDecoding() {
    }

    /** Two rounds of decoding, for double encoding ("&amp;lt;"); null when nothing decodes. */
    static RevealedText decode(RevealedText revealed) {
        String text = revealed.text();
        if (text.indexOf('&') < 0 && text.indexOf('%') < 0) {
            return null;
        }
        RevealedText once = decodeOnce(revealed);
        if (once == null) {
            return null;
        }
        RevealedText twice = decodeOnce(once);
        return twice == null ? once : twice;
    }

    private static RevealedText decodeOnce(RevealedText in) {
        String s = in.text();
        int n = s.length();
        StringBuilder out = null;
        IntList origin = null;
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            int consumed = 0;
            String decoded = null;
            if (c == '&') {
                int semi = s.indexOf(';', i + 1);
                if (semi > i + 1 && semi - i <= 12) {
                    decoded = entity(s.substring(i + 1, semi));
                    consumed = semi + 1 - i;
                }
            } else if (c == '%' && hexPair(s, i + 1)) {
                int j = i;
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                while (j < n && s.charAt(j) == '%' && hexPair(s, j + 1)) {
                    bytes.write(Integer.parseInt(s, j + 1, j + 3, 16));
                    j += 3;
                }
                decoded = dev.juror.io.InputFiles.strictUtf8(bytes.toByteArray());
                consumed = j - i;
            }
            if (decoded == null) {
                if (out != null) {
                    out.append(c);
                    origin.add(in.originalOffset(i));
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
                origin = new IntList(n);
                in.copyTo(0, i, out, origin);
            }
            int from = in.originalOffset(i);
            for (int k = 0; k < decoded.length(); k++) {
                out.append(decoded.charAt(k));
                origin.add(from);
            }
            i += consumed;
        }
        return out == null ? null : new RevealedText(out.toString(), origin.toArray(), List.of(), in.originalLength());
    }

    private static boolean hexPair(String s, int at) {
        return at + 1 < s.length() && Character.digit(s.charAt(at), 16) >= 0 && Character.digit(s.charAt(at + 1), 16) >= 0;
    }

    /** The text of an entity body ("lt", "#60", "#x3C"), or null. */
    private static String entity(String body) {
        if (body.startsWith("#")) {
            try {
                int cp = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
                        ? Integer.parseInt(body, 2, body.length(), 16) : Integer.parseInt(body, 1, body.length(), 10);
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return null;
            }
        }
        Character c = ENTITY_NAMES.get(body.toLowerCase(java.util.Locale.ROOT));
        return c == null ? null : String.valueOf(c);
    }
}
