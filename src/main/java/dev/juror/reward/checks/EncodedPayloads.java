package dev.juror.reward.checks;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{20,}+={0,2}+");
    private static final Pattern HEX = Pattern.compile(
            "(?:0[xX])?[0-9A-Fa-f]{16,}+|(?:\\\\x[0-9A-Fa-f]{2}){8,}+|(?:[0-9A-Fa-f]{2}[ :]){7,}+[0-9A-Fa-f]{2}");

    private EncodedPayloads() {
    }

    static List<Payload> find(String text, int[] budget) {
        List<Payload> out = new ArrayList<>();
        collect(BASE64.matcher(text), Rules.BASE64_PAYLOAD, out, budget);
        collect(HEX.matcher(text), Rules.HEX_PAYLOAD, out, budget);
        return out;
    }

    private static void collect(Matcher m, Rule rule, List<Payload> out, int[] budget) {
        int candidates = 0;
        while (m.find() && candidates < MAX_CANDIDATES && budget[0] > 0) {
            String blob = m.group();
            if (rule == Rules.BASE64_PAYLOAD && !mixedCase(blob)) {
                continue;
            }
            candidates++;
            String clipped = blob.length() > MAX_BLOB_CHARS ? blob.substring(0, MAX_BLOB_CHARS) : blob;
            budget[0] -= clipped.length();
            String decoded = rule == Rules.BASE64_PAYLOAD ? base64(clipped) : hex(clipped);
            if (decoded != null && decoded.length() >= MIN_DECODED && readable(decoded)) {
                out.add(new Payload(rule, m.start(), m.end(), decoded));
            }
        }
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
            return utf8(bytes);
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
        return utf8(HexFormat.of().parseHex(digits));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
