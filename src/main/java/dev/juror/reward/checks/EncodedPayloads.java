package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds base64 and hex blobs in the revealed text and decodes the ones that turn into readable
 * text (calibration-stats §5.1 A15). Bounded: at most {@link #MAX_CANDIDATES} blobs per layer and
 * {@link #MAX_BLOB_CHARS} characters of each are decoded; the scanner's budget caps the total.
 */
final class EncodedPayloads {

    static final int MAX_CANDIDATES = 32;
    static final int MAX_BLOB_CHARS = 16_384;
    private static final int MIN_DECODED = 6;

    record Payload(Rule rule, int start, int end, String decoded) {
    }

    /** Equivalent to the regex {@code [A-Za-z0-9+/_-]{20,}+={0,2}+}, found by {@link #base64Runs}. */
    static final int MIN_BASE64 = 20;
    private static final Pattern HEX = Pattern.compile(
            "(?:0[xX])?[0-9A-Fa-f]{16,}+|(?:\\\\x[0-9A-Fa-f]{2}){8,}+|(?:[0-9A-Fa-f]{2}[ :]){7,}+[0-9A-Fa-f]{2}");
    private static final int MIN_HEX_RUN = 16;
    private static final int MIN_HEX_GROUPS = 7;

    private EncodedPayloads() {
    }

    /** Spans of candidate blobs, in text order. */
    private interface Spans {
        boolean next();

        int start();

        int end();
    }

    static List<Payload> find(String text, int[] budget) {
        List<Payload> out = new ArrayList<>();
        collect(text, base64Runs(text), Rules.BASE64_PAYLOAD, out, budget);
        if (mayHoldHex(text)) {
            Matcher m = HEX.matcher(text);
            collect(text, new Spans() {
                public boolean next() {
                    return m.find();
                }

                public int start() {
                    return m.start();
                }

                public int end() {
                    return m.end();
                }
            }, Rules.HEX_PAYLOAD, out, budget);
        }
        return out;
    }

    private static void collect(String text, Spans spans, Rule rule, List<Payload> out, int[] budget) {
        int candidates = 0;
        while (candidates < MAX_CANDIDATES && budget[0] > 0 && spans.next()) {
            String blob = text.substring(spans.start(), spans.end());
            if (rule == Rules.BASE64_PAYLOAD && !mixedCase(blob)) {
                continue;
            }
            candidates++;
            String clipped = blob.length() > MAX_BLOB_CHARS ? blob.substring(0, MAX_BLOB_CHARS) : blob;
            budget[0] -= clipped.length();
            String decoded = rule == Rules.BASE64_PAYLOAD ? base64(clipped) : hex(clipped);
            if (decoded != null && decoded.length() >= MIN_DECODED && readable(decoded)) {
                out.add(new Payload(rule, spans.start(), spans.end(), decoded));
            }
        }
    }

    /**
     * Maximal runs of at least {@link #MIN_BASE64} base64 / base64url characters, each with up to
     * two {@code =} after it: what {@code find()} of the possessive regex gives, in one linear pass
     * (the regex engine retries at every offset inside every shorter word).
     */
    private static Spans base64Runs(String text) {
        return new Spans() {
            private int at;
            private int start;
            private int end;

            public boolean next() {
                int n = text.length();
                while (at < n) {
                    if (!base64Char(text.charAt(at))) {
                        at++;
                        continue;
                    }
                    int from = at;
                    while (at < n && base64Char(text.charAt(at))) {
                        at++;
                    }
                    if (at - from >= MIN_BASE64) {
                        for (int pad = 0; pad < 2 && at < n && text.charAt(at) == '='; pad++) {
                            at++;
                        }
                        start = from;
                        end = at;
                        return true;
                    }
                }
                return false;
            }

            public int start() {
                return start;
            }

            public int end() {
                return end;
            }
        };
    }

    /** The blobs the base64 scan finds, as [start, end) pairs (for tests). */
    static List<int[]> base64Spans(String text) {
        List<int[]> out = new ArrayList<>();
        Spans spans = base64Runs(text);
        while (spans.next()) {
            out.add(new int[] {spans.start(), spans.end()});
        }
        return out;
    }

    private static boolean base64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '_' || c == '-';
    }

    /**
     * False only when {@link #HEX} cannot match: no run of 16 hex digits, no {@code \x}, and no
     * seven {@code hh} + space/colon groups in a row. One linear pass; most prose fails all three.
     */
    static boolean mayHoldHex(String text) {
        if (text.contains("\\x")) {
            return true;
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = hexDigit(text.charAt(i)) ? run + 1 : 0;
            if (run >= MIN_HEX_RUN) {
                return true;
            }
        }
        int groups = 0;
        int i = 0;
        while (i + 2 < text.length()) {
            char sep = text.charAt(i + 2);
            if (hexDigit(text.charAt(i)) && hexDigit(text.charAt(i + 1)) && (sep == ' ' || sep == ':')) {
                if (++groups >= MIN_HEX_GROUPS) {
                    return true;
                }
                i += 3; // a group can never start inside the previous one: its second char is a digit-then-separator
            } else {
                groups = 0;
                i++;
            }
        }
        return false;
    }

    private static boolean hexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Base64 of text has both cases; a long lower-case word or a hex hash does not. */
    private static boolean mixedCase(String blob) {
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < blob.length() && !(upper && lower); i++) {
            char c = blob.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }

    private static String base64(String blob) {
        String body = blob.replace("=", "");
        boolean url = body.indexOf('-') >= 0 || body.indexOf('_') >= 0;
        if (body.length() % 4 == 1) {
            body = body.substring(0, body.length() - 1); // a lone trailing sextet carries no whole byte
        }
        try {
            byte[] bytes = (url ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(body + "=".repeat((4 - body.length() % 4) % 4));
            return dev.juror.io.InputFiles.strictUtf8(bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hex(String blob) {
        StringBuilder digits = new StringBuilder(blob.length());
        String body = blob.startsWith("0x") || blob.startsWith("0X") ? blob.substring(2) : blob;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                digits.append(c);
            }
        }
        if (digits.length() % 2 == 1) {
            digits.setLength(digits.length() - 1);
        }
        return dev.juror.io.InputFiles.strictUtf8(HexFormat.of().parseHex(digits));
    }

    /** At least 85% letters, digits, spaces and common punctuation: text, not binary. */
    private static boolean readable(String s) {
        int good = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '\n' || (c >= 0x21 && c <= 0x7E)) {
                good++;
            }
        }
        return good >= 0.85 * s.length();
    }
}
