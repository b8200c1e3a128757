package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Readings of a text that a judge model can make but the patterns cannot see in the text as
 * written: letters separated by spaces or dots ("I g n o r e"), the text reversed (whole or word by
 * word), a Caesar shift such as ROT13 ("Vtaber nyy cerivbhf"), and HTML entities or percent
 * encoding ("&amp;lt;/candidate&amp;gt;", "%3C%2Fcandidate%3E"). Each reading is a
 * {@link RevealedText} whose offset map points into the original text, so findings in it are
 * attributed to the characters that produced them.
 *
 * <p>Cost: every reading is built only when a linear pre-check says it could matter (a run of
 * spaced single letters; a reversed or shifted keyword; an entity or {@code %XX}). Ordinary
 * predictions fail all four checks and cost one pass plus a few {@code indexOf}s.
 */
final class Obfuscations {

    enum Kind {
        SPACED("spaced letters"), REVERSED("reversed text"), REVERSED_RUN("reversed words"),
        REVERSED_WORDS("each word reversed"),
        SHIFTED("Caesar/ROT shift"), ENTITIES("HTML entities or percent encoding");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Reading(Kind kind, RevealedText text) {
    }

    /** Fewest spaced single letters that make a run (shorter runs are initials, list labels, formulas). */
    static final int MIN_SPACED_LETTERS = 6;

    /**
     * Keywords whose reversed or shifted spelling triggers a reading. Long, distinctive words only:
     * a short one would occur by chance in ordinary text (harmless, but it costs a reading).
     */
    private static final List<String> KEYWORDS = List.of("ignore", "instruction", "instrucciones", "disregard",
            "previous", "evaluator", "grader", "rubric", "criteria", "system", "prompt", "override", "ignorez",
            "precedentes", "anteriores", "ignoriere", "anweisungen", "score", "judge", "forget", "candidate",
            "response");
    /** Reversed Chinese keywords (ignore, disregard, instruction, directive, full marks). */
    private static final List<String> REVERSED_HAN = List.of("略忽", "视无", "令指", "示指", "分满");
    private static final List<String> REVERSED = KEYWORDS.stream()
            .map(k -> new StringBuilder(k).reverse().toString()).toList();
    /** Shift-invariant signatures (letter-to-letter differences) of the longer keywords. */
    private static final List<String> SHIFT_KEYWORDS = List.of("instruction", "previous", "ignore", "disregard",
            "evaluator", "criteria", "grader", "rubric", "system", "prompt", "candidate", "response");

    private static final List<String> SHIFT_SIGNATURES = SHIFT_KEYWORDS.stream().map(Obfuscations::differences).toList();

    private static final Map<String, Character> ENTITY_NAMES = Map.ofEntries(Map.entry("lt", '<'),
            Map.entry("gt", '>'), Map.entry("amp", '&'), Map.entry("quot", '"'), Map.entry("apos", '\''),
            Map.entry("sol", '/'), Map.entry("bsol", '\\'), Map.entry("nbsp", ' '), Map.entry("lsqb", '['),
            Map.entry("rsqb", ']'), Map.entry("lbrack", '['), Map.entry("rbrack", ']'), Map.entry("lpar", '('),
            Map.entry("rpar", ')'), Map.entry("excl", '!'), Map.entry("colon", ':'), Map.entry("vert", '|'),
            Map.entry("verbar", '|'), Map.entry("num", '#'), Map.entry("equals", '='), Map.entry("lcub", '{'),
            Map.entry("rcub", '}'), Map.entry("lowbar", '_'), Map.entry("hyphen", '-'), Map.entry("period", '.'),
            Map.entry("comma", ','), Map.entry("semi", ';'), Map.entry("quest", '?'), Map.entry("ast", '*'),
            Map.entry("dash", '-'), Map.entry("newline", '\n'));

    private Obfuscations() {
    }

    /**
     * The readings of {@code revealed} that pass their pre-check ({@code folded} is its folded form,
     * used for the keyword pre-checks). Usually empty.
     */
    static List<Reading> of(RevealedText revealed, FoldedText folded) {
        List<Reading> out = new ArrayList<>(0);
        String text = revealed.text();
        RevealedText entities = decodeEntities(revealed);
        if (entities != null) {
            out.add(new Reading(Kind.ENTITIES, entities));
        }
        RevealedText spaced = despace(revealed);
        if (spaced != null) {
            out.add(new Reading(Kind.SPACED, spaced));
        }
        String f = folded.text();
        if (containsAny(f, REVERSED) || containsAny(text, REVERSED_HAN)) {
            out.add(new Reading(Kind.REVERSED, reverse(revealed)));
            List<int[]> runs = reversedRuns(text);
            if (!runs.isEmpty()) {
                out.add(new Reading(Kind.REVERSED_RUN, reverseRuns(revealed, runs, true)));
                out.add(new Reading(Kind.REVERSED_WORDS, reverseRuns(revealed, runs, false)));
            }
        }
        int shift = caesarShift(f);
        if (shift != 0) {
            out.add(new Reading(Kind.SHIFTED, shift(revealed, shift)));
        }
        return out;
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- entities and percent encoding

    /** Two rounds of decoding, for double encoding ("&amp;lt;"); null when nothing decodes. */
    static RevealedText decodeEntities(RevealedText revealed) {
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
                out.append(s, 0, i);
                for (int k = 0; k < i; k++) {
                    origin.add(in.originalOffset(k));
                }
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

    // ---------------------------------------------------------------- spaced letters

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '|' || c == '/' || c == '+'
                || c == '~' || c == '·' || c == '•' || c == ',' || c == '\u00A0' || c == '\t' || c == '\n';
    }

    private static boolean single(String s, int i) {
        return i < s.length() && Character.isLetterOrDigit(s.charAt(i))
                && (i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
    }

    /**
     * Collapses every run of at least {@link #MIN_SPACED_LETTERS} single letters, each followed by a
     * short separator ("I g n o r e", "i.g.n.o.r.e", "忽 略 之 前"). Inside a run the most frequent
     * separator joins letters of one word; any other separator (a wider gap, " / ") is a word gap.
     * A run without word gaps is split into words with a small dictionary of injection vocabulary.
     * Null when the text has no such run.
     */
    static RevealedText despace(RevealedText revealed) {
        String s = revealed.text();
        int n = s.length();
        StringBuilder out = null;
        IntList origin = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            if (i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                i += 2; // inside a word: skip it whole
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (!single(s, i)) {
                i++;
                continue;
            }
            // walk a run: letter, separator(s), letter, ...
            List<int[]> letters = new ArrayList<>(); // [index, separatorStart, separatorEnd]
            int j = i;
            while (single(s, j)) {
                int k = j + 1;
                while (k < n && k - j <= 4 && separator(s.charAt(k))) {
                    k++;
                }
                letters.add(new int[] {j, j + 1, k});
                if (k == j + 1 || !single(s, k)) {
                    break;
                }
                j = k;
            }
            if (letters.size() < MIN_SPACED_LETTERS) {
                i = letters.get(letters.size() - 1)[0] + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
                origin = new IntList(n);
            }
            for (int k = copied; k < i; k++) {
                out.append(s.charAt(k));
                origin.add(revealed.originalOffset(k));
            }
            appendRun(s, letters, out, origin, revealed);
            int[] last = letters.get(letters.size() - 1);
            copied = last[1]; // the separator after the last letter is kept
            i = last[1];
        }
        if (out == null) {
            return null;
        }
        for (int k = copied; k < n; k++) {
            out.append(s.charAt(k));
            origin.add(revealed.originalOffset(k));
        }
        return new RevealedText(out.toString(), origin.toArray(), List.of(), revealed.originalLength());
    }

    private static void appendRun(String s, List<int[]> letters, StringBuilder out, IntList origin,
                                  RevealedText revealed) {
        // the most frequent separator between letters is the in-word joiner
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int k = 0; k < letters.size() - 1; k++) {
            counts.merge(s.substring(letters.get(k)[1], letters.get(k)[2]), 1, Integer::sum);
        }
        String joiner = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(" ");
        boolean gaps = counts.size() > 1;
        StringBuilder word = new StringBuilder();
        IntList wordOrigin = new IntList(16);
        for (int k = 0; k < letters.size(); k++) {
            int[] l = letters.get(k);
            word.append(s.charAt(l[0]));
            wordOrigin.add(revealed.originalOffset(l[0]));
            boolean lastLetter = k == letters.size() - 1;
            if (lastLetter || !s.substring(l[1], l[2]).equals(joiner)) {
                appendWord(word, wordOrigin.toArray(), gaps, out, origin);
                if (!lastLetter) {
                    out.append(' ');
                    origin.add(revealed.originalOffset(l[1]));
                }
                word.setLength(0);
                wordOrigin = new IntList(16);
            }
        }
    }

    private static void appendWord(CharSequence word, int[] wordOrigin, boolean gaps, StringBuilder out, IntList origin) {
        List<Integer> breaks = gaps ? List.of() : Segmenter.breaks(word);
        int b = 0;
        for (int k = 0; k < word.length(); k++) {
            if (b < breaks.size() && breaks.get(b) == k) {
                out.append(' ');
                origin.add(wordOrigin[k]);
                b++;
            }
            out.append(word.charAt(k));
            origin.add(wordOrigin[k]);
        }
    }

    // ---------------------------------------------------------------- reversal

    /** The text with its code points in reverse order; each char maps to its source char. */
    static RevealedText reverse(RevealedText revealed) {
        String s = revealed.text();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] origin = new int[n];
        int w = 0;
        for (int i = n; i > 0; ) {
            int cp = s.codePointBefore(i);
            int len = Character.charCount(cp);
            i -= len;
            out.appendCodePoint(cp);
            for (int k = 0; k < len; k++) {
                origin[w++] = revealed.originalOffset(i + k);
            }
        }
        return new RevealedText(out.toString(), origin, List.of(), revealed.originalLength());
    }

    /** Vocabulary whose reversed spelling marks a reversed word ("erongi", "snoitcurtsni", "lla"). */
    private static final java.util.Set<String> VOCABULARY = vocabulary();

    private static java.util.Set<String> vocabulary() {
        java.util.Set<String> words = new java.util.HashSet<>(Segmenter.VOCABULARY);
        words.addAll(Keywords.WORDS);
        return java.util.Set.copyOf(words);
    }

    /**
     * The stretches of reversed words inside a text: whitespace-separated tokens whose letters, read
     * backwards, are a word of the injection vocabulary while the token itself is none (a run starts
     * only at one of three letters or more, so a lone "si" or "fo" is none), joined into one run when at most three other
     * tokens separate them; a token without letters right after a reversed word (".5") joins the
     * run. [start, end) char offsets; empty when there is none.
     */
    static List<int[]> reversedRuns(String s) {
        List<int[]> runs = new ArrayList<>();
        int n = s.length();
        int runStart = -1;
        int runEnd = -1;
        int since = 0;
        int i = 0;
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            int reversed = reversedWord(s, i, j);
            if (reversed == 2 || (reversed == 1 && runStart >= 0 && since <= 3)) {
                if (runStart < 0 || since > 3) {
                    if (runStart >= 0) {
                        runs.add(new int[] {runStart, runEnd});
                    }
                    runStart = i;
                }
                runEnd = j;
                since = 0;
            } else if (runStart >= 0 && since == 0 && noLetters(s, i, j)) {
                runEnd = j; // "fo .5": a number or punctuation right after a reversed word belongs to it
            } else {
                since++;
            }
            i = j;
        }
        if (runStart >= 0) {
            runs.add(new int[] {runStart, runEnd});
        }
        return runs;
    }

    private static boolean noLetters(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** 2: a reversed vocabulary word of three letters or more; 1: of two letters ("fo"); 0: not reversed. */
    private static int reversedWord(String s, int from, int to) {
        StringBuilder letters = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        if (letters.length() < 2) {
            return 0;
        }
        String word = java.text.Normalizer.normalize(letters, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT);
        if (VOCABULARY.contains(word) || !VOCABULARY.contains(new StringBuilder(word).reverse().toString())) {
            return 0;
        }
        return word.length() >= 3 ? 2 : 1;
    }

    /**
     * The text with every run of reversed words turned back, set off by line breaks (a reversed
     * instruction inside ordinary prose then starts a line, as it started a sentence when written):
     * either the whole run read backwards ({@code asBlock}: "snoitcurtsni suoiverp lla erongI"), or
     * each of its tokens reversed in place ("erongI lla suoiverp snoitcurtsni").
     */
    static RevealedText reverseRuns(RevealedText revealed, List<int[]> runs, boolean asBlock) {
        String s = revealed.text();
        StringBuilder out = new StringBuilder(s.length() + runs.size() * 2);
        IntList origin = new IntList(s.length() + runs.size() * 2);
        int copied = 0;
        for (int[] run : runs) {
            for (int k = copied; k < run[0]; k++) {
                out.append(s.charAt(k));
                origin.add(revealed.originalOffset(k));
            }
            out.append('\n');
            origin.add(revealed.originalOffset(run[0]));
            if (asBlock) {
                appendReversed(s, run[0], run[1], revealed, out, origin);
            } else {
                int i = run[0];
                while (i < run[1]) {
                    if (Character.isWhitespace(s.charAt(i))) {
                        out.append(s.charAt(i));
                        origin.add(revealed.originalOffset(i));
                        i++;
                        continue;
                    }
                    int j = i;
                    while (j < run[1] && !Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    appendReversed(s, i, j, revealed, out, origin);
                    i = j;
                }
            }
            out.append('\n');
            origin.add(revealed.originalOffset(run[1] - 1));
            copied = run[1];
        }
        for (int k = copied; k < s.length(); k++) {
            out.append(s.charAt(k));
            origin.add(revealed.originalOffset(k));
        }
        return new RevealedText(out.toString(), origin.toArray(), List.of(), revealed.originalLength());
    }

    private static void appendReversed(String s, int from, int to, RevealedText revealed, StringBuilder out,
                                       IntList origin) {
        for (int k = to; k > from; ) {
            int cp = s.codePointBefore(k);
            int len = Character.charCount(cp);
            k -= len;
            out.appendCodePoint(cp);
            for (int c = 0; c < len; c++) {
                origin.add(revealed.originalOffset(k + c));
            }
        }
    }

    // ---------------------------------------------------------------- Caesar shifts (ROT13 and kin)

    /**
     * The shift (1..25) that turns a keyword's shifted spelling in {@code folded} back into the
     * keyword, or 0. Letter-to-letter differences do not change under a shift, so one pass that
     * writes the differences and one {@code indexOf} per keyword find every shift at once.
     */
    static int caesarShift(String folded) {
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
    static RevealedText shift(RevealedText revealed, int shift) {
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
