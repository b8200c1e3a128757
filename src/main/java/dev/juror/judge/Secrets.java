package dev.juror.judge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-shaped text before it is stored or logged: run settings, error messages of judge
 * calls, command-line errors. Juror never asks for a credential, but people paste keys where a name
 * belongs and servers echo request headers in their errors, so every text that is kept passes
 * through {@link #redact(String)} first.
 *
 * <p>What counts as a secret: AWS access key ids ({@code AKIA...}, {@code ASIA...}), {@code sk-...}
 * style API keys and other vendor token prefixes, the token after {@code Bearer}, the value of
 * {@code api_key=} / {@code password:} style assignments, the {@code user:password@} part of a URL,
 * and long high-entropy tokens (32+ characters mixing upper case, lower case and digits). Lower-case
 * hex such as rubric versions and content hashes, file paths, model ids and ordinary words are left
 * alone.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@?#]+@");
    private static final Pattern AWS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b");
    private static final Pattern VENDOR_KEY = Pattern.compile(
            "\\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}|\\bgh[pousr]_[A-Za-z0-9]{20,}|\\bxox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|\\bAIza[A-Za-z0-9_-]{30,}|\\bhf_[A-Za-z0-9]{20,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+)[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)\\b((?:x-)?api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret[_-]?access[_-]?key|client[_-]?secret"
                    + "|secret|password|passwd|pwd)(\"?\\s*[:=]\\s*\"?)([^\\s\"',;&}]{4,})");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+=_-]{32,}");
    /** Bits per character above which a long mixed token is taken for random (a key), not a word. */
    private static final double ENTROPY_BITS = 4.0;

    /** Share of neighbouring characters of different kinds (upper, lower, digit, other) in a random token. */
    private static final double MIN_SWITCH_SHARE = 0.3;

    private Secrets() {
    }

    /** {@code text} with every secret-shaped part replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_USERINFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        out = AWS_KEY_ID.matcher(out).replaceAll(MASK);
        out = VENDOR_KEY.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = ASSIGNMENT.matcher(out).replaceAll(m -> m.group(3).equals(MASK) ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = LONG_TOKEN.matcher(out).replaceAll(m -> Matcher.quoteReplacement(looksRandom(m.group()) ? MASK : m.group()));
        return out;
    }

    /** Whether {@code text} holds anything {@link #redact(String)} would mask. */
    public static boolean containsSecret(String text) {
        return text != null && !redact(text).equals(text);
    }

    /**
     * Upper case, lower case and digits mixed, switching between them often (random text switches at
     * about 6 of 10 characters, CamelCase words and names at word boundaries only), and close to
     * random by Shannon entropy.
     */
    static boolean looksRandom(String token) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        int switches = 0;
        int[] counts = new int[128];
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            counts[c & 127]++;
            if (i > 0 && kind(c) != kind(token.charAt(i - 1))) {
                switches++;
            }
        }
        if (!(upper && lower && digit) || switches < MIN_SWITCH_SHARE * (token.length() - 1)) {
            return false;
        }
        double entropy = 0;
        for (int n : counts) {
            if (n > 0) {
                double p = (double) n / token.length();
                entropy -= p * (Math.log(p) / Math.log(2));
            }
        }
        return entropy >= ENTROPY_BITS;
    }

    private static int kind(char c) {
        return c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2 : 3;
    }
}
