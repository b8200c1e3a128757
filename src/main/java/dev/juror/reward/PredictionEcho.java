package dev.juror.reward;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a judge answer that could not be read (parse or schema error) <em>echoes the
 * prediction</em>, which makes the failure the prediction's (reward floored) rather than the
 * service's (neutral reward). An answer echoes the prediction when either holds:
 * <ol>
 *   <li>it contains the closing tag of the prompt's candidate block ({@code </candidate_<32 hex>>},
 *       also the {@code _A_}/{@code _B_} forms): the judge reproduced the block the prediction was
 *       wrapped in;</li>
 *   <li>it repeats verbatim a run of at least {@link #RUN} characters of the prediction (all of a
 *       shorter prediction, if it has at least {@link #MIN_PREDICTION} characters) that is not a
 *       passage of the prompt's documents (system prompt, target, reference): a run whose part
 *       without {@link #MARGIN} characters at each end occurs in a document counts as the
 *       document's. Runs of whitespace count as one space on both sides, and the answer is also
 *       read with JSON string escapes undone ({@code \"}, {@code \\}, {@code \n}, ...), so an echo
 *       inside a JSON string counts too.</li>
 * </ol>
 * The document exclusion keeps a judge that quotes a long contract clause (which the prediction
 * quoted too, as its excerpt) from being mistaken for an echo.
 *
 * <p>Cost: a rolling hash (modulo the Mersenne prime 2^61 - 1, random base per instance, so the
 * prediction cannot be crafted to collide) over the windows of the answer, then one pass over the
 * prediction and each document; a hash match with the prediction is confirmed by comparing the
 * characters (at most {@link #RUN} per answer window). Memory is proportional to the answer, which
 * the judge's output limit bounds. Only unreadable answers are checked. Thread-safe.
 */
final class PredictionEcho {

    /** Characters of the prediction an answer must repeat in one run to echo it. */
    static final int RUN = 200;
    /** Below this a prediction is too short for a repeated run to mean anything. */
    static final int MIN_PREDICTION = 40;
    /** Characters at each end of an echoed run that may lie outside a document passage it quotes. */
    static final int MARGIN = 20;

    private static final Pattern CANDIDATE_CLOSING_TAG = Pattern.compile(
            "<\\s*/\\s*candidate_(?:[ab]_)?[0-9a-f]{32}\\s*>", Pattern.CASE_INSENSITIVE);
    private static final long MOD = (1L << 61) - 1;

    private final long base;

    PredictionEcho() {
        this(new SecureRandom().nextLong(256, MOD - 1));
    }

    PredictionEcho(long base) {
        this.base = base;
    }

    /**
     * @param answer     the judge's raw text
     * @param prediction the prediction as the judge saw it
     * @param documents  the prompt's other texts (system prompt, target, reference)
     */
    boolean echoes(String answer, String prediction, List<String> documents) {
        if (answer == null || answer.isEmpty() || prediction == null) {
            return false;
        }
        if (CANDIDATE_CLOSING_TAG.matcher(answer).find()) {
            return true;
        }
        String pred = collapse(prediction);
        if (pred.length() < MIN_PREDICTION) {
            return false;
        }
        int run = Math.min(RUN, pred.length());
        return repeatsRun(collapse(answer), pred, documents, run)
                || repeatsRun(collapse(unescapeJson(answer)), pred, documents, run);
    }

    private boolean repeatsRun(String answer, String pred, List<String> documents, int run) {
        if (answer.length() < run) {
            return false;
        }
        Map<Long, Integer> answerWindows = new HashMap<>();
        long power = power(run);
        long h = 0;
        for (int i = 0; i < answer.length(); i++) {
            h = roll(h, answer.charAt(i), i >= run ? answer.charAt(i - run) : -1, power);
            if (i >= run - 1) {
                answerWindows.putIfAbsent(h, i - run + 1);
            }
        }
        // Each echoed window is kept by the hash of its inner part (a margin dropped at both ends), so
        // a quoted document passage still counts as the document's when quotes or a few words of
        // the prediction's JSON around it happen to be repeated too.
        int margin = Math.min(MARGIN, run / 4);
        int inner = run - 2 * margin;
        Set<Long> echoed = new HashSet<>();
        h = 0;
        for (int i = 0; i < pred.length(); i++) {
            h = roll(h, pred.charAt(i), i >= run ? pred.charAt(i - run) : -1, power);
            if (i >= run - 1) {
                int start = i - run + 1;
                Integer at = answerWindows.get(h);
                if (at != null && pred.regionMatches(start, answer, at, run)) {
                    echoed.add(hash(pred, start + margin, inner));
                }
            }
        }
        if (echoed.isEmpty()) {
            return false;
        }
        long innerPower = power(inner);
        for (String document : documents) {
            if (document == null || document.isEmpty()) {
                continue;
            }
            String doc = collapse(document);
            h = 0;
            for (int i = 0; i < doc.length() && !echoed.isEmpty(); i++) {
                h = roll(h, doc.charAt(i), i >= inner ? doc.charAt(i - inner) : -1, innerPower);
                if (i >= inner - 1) {
                    echoed.remove(h);
                }
            }
        }
        return !echoed.isEmpty();
    }

    private long hash(String s, int from, int length) {
        long h = 0;
        for (int i = from; i < from + length; i++) {
            h = roll(h, s.charAt(i), -1, 0);
        }
        return h;
    }

    /** Appends {@code in} and drops {@code out} (-1: nothing leaves the window yet). */
    private long roll(long h, char in, int out, long power) {
        long next = h;
        if (out >= 0) {
            next = next - mulMod(out, power);
            if (next < 0) {
                next += MOD;
            }
        }
        next = mulMod(next, base) + in;
        return next >= MOD ? next - MOD : next;
    }

    /** base^(run-1): the weight of the character that leaves the window. */
    private long power(int run) {
        long p = 1;
        for (int i = 1; i < run; i++) {
            p = mulMod(p, base);
        }
        return p;
    }

    /** a x b mod 2^61 - 1, for a, b in [0, MOD). */
    private static long mulMod(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (lo & MOD) + (lo >>> 61) + (hi << 3);
        r = (r & MOD) + (r >>> 61);
        return r >= MOD ? r - MOD : r;
    }

    /** Runs of whitespace become one space; leading and trailing whitespace is dropped. */
    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The JSON string escapes {@code \" \\ \/ \n \r \t \b \f} undone (others left as they are). */
    static String unescapeJson(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                String replacement = switch (n) {
                    case '"' -> "\"";
                    case '\\' -> "\\";
                    case '/' -> "/";
                    case 'n', 'r', 't', 'b', 'f' -> " ";
                    default -> null;
                };
                if (replacement != null) {
                    out.append(replacement);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
