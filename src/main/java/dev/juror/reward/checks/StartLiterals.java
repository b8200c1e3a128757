package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Literals with which every match of a pattern begins, possibly after one leading space. Java's
 * regex engine only skips ahead quickly for patterns that start with a plain literal; ours start
 * with lookbehinds, {@code \b} or alternations, so a plain {@code find()} tries the whole pattern
 * at every offset of the text. With the start literals, {@link #matches} finds the candidate offsets
 * with {@code String.indexOf} (vectorised) and tries the pattern only there, with transparent,
 * non-anchoring region bounds so lookbehinds, {@code \b} and {@code ^} see the whole text: the
 * matches are exactly those of {@code find()} (checked by {@code StartLiteralsProperties}) at a
 * fraction of the cost on ordinary predictions.
 *
 * <p>An empty list means "unknown": the plain {@code find()} is used.
 */
record StartLiterals(List<String> literals) {

    static final StartLiterals UNKNOWN = new StartLiterals(List.of());

    StartLiterals {
        literals = List.copyOf(literals);
        if (literals.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a start literal cannot be empty");
        }
    }

    static StartLiterals of(String... literals) {
        return new StartLiterals(List.of(literals));
    }

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /**
     * The start literals of a pattern read from a rule file, for the shapes such files use: top-level
     * alternatives, each optionally led by {@code \b} and lookbehinds, then a plain literal, a
     * {@code \d}, or a group of plain-literal alternatives. Anything else gives {@link #UNKNOWN}
     * (the plain {@code find()}), so an unusual pattern is slower, never wrong.
     */
    static StartLiterals derive(String regex) {
        List<String> out = new ArrayList<>();
        for (String alternative : splitTopLevel(regex)) {
            List<String> starts = startsOf(alternative);
            if (starts.isEmpty()) {
                return UNKNOWN;
            }
            out.addAll(starts);
        }
        return new StartLiterals(out);
    }

    private static List<String> startsOf(String alternative) {
        int i = 0;
        while (true) {
            if (alternative.startsWith("\\b", i)) {
                i += 2;
            } else if (alternative.startsWith("(?<!", i) || alternative.startsWith("(?<=", i)) {
                int close = closingParen(alternative, i);
                if (close < 0) {
                    return List.of();
                }
                i = close + 1;
            } else {
                break;
            }
        }
        String rest = alternative.substring(i);
        if (rest.startsWith("\\d")) {
            return optional(rest, 2) ? List.of() : DIGITS;
        }
        if (rest.startsWith("(?:")) {
            int close = closingParen(rest, 0);
            if (close < 0 || optional(rest, close + 1)) {
                return List.of();
            }
            List<String> starts = new ArrayList<>();
            for (String inner : splitTopLevel(rest.substring(3, close))) {
                List<String> innerStarts = !inner.isEmpty() && inner.chars().allMatch(StartLiterals::plain)
                        ? List.of(inner) : startsOf(inner);
                if (innerStarts.isEmpty()) {
                    return List.of();
                }
                starts.addAll(innerStarts);
            }
            return starts;
        }
        int end = 0;
        while (end < rest.length() && plain(rest.charAt(end))) {
            end++;
        }
        if (end < rest.length() && "?*{".indexOf(rest.charAt(end)) >= 0) {
            end--; // the quantifier makes the last character optional
        }
        return end <= 0 ? List.of() : List.of(rest.substring(0, end));
    }

    /** A character that matches itself, with no special meaning in a pattern. */
    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_'
                || c == '\'' || c == '-';
    }

    /** Whether the element ending before {@code at} may be skipped ({@code ?}, {@code *}, {@code {0}). */
    private static boolean optional(String s, int at) {
        return at < s.length() && (s.charAt(at) == '?' || s.charAt(at) == '*' || s.startsWith("{0", at));
    }

    /** Splits at {@code |} outside groups, classes and escapes. */
    private static List<String> splitTopLevel(String regex) {
        List<String> parts = new ArrayList<>();
        int[] from = {0};
        walk(regex, 0, (i, c, depth) -> {
            if (c == '|' && depth == 0) {
                parts.add(regex.substring(from[0], i));
                from[0] = i + 1;
            }
            return false;
        });
        parts.add(regex.substring(from[0]));
        return parts;
    }

    /** The index of the parenthesis closing the group opened at {@code open}, or -1. */
    private static int closingParen(String regex, int open) {
        return walk(regex, open, (i, c, depth) -> c == ')' && depth == 0);
    }

    /** Decides, for each structural character, whether the walk stops there. */
    private interface Stop {
        boolean at(int index, char c, int depth);
    }

    /**
     * Walks the pattern from {@code from}, skipping escaped characters and character classes, and
     * asks {@code stop} at every other character with the group depth (after a closing parenthesis,
     * the depth outside it). Returns the index where it stopped, or -1.
     */
    private static int walk(String regex, int from, Stop stop) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                continue;
            }
            if (c == ')') {
                depth--;
            }
            if (stop.at(i, c, depth)) {
                return i;
            }
            if (c == '(') {
                depth++;
            }
        }
        return -1;
    }

    /** The matches of {@code pattern} in {@code text}, in the order and extent {@code find()} gives. */
    Matches matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (literals.isEmpty()) {
            return new Matches(m, null, text.length());
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        return new Matches(m, candidates(text), text.length());
    }

    /** Every offset at which a start literal occurs, and the offset before it when that is a space. */
    private int[] candidates(String text) {
        IntList offsets = new IntList(32);
        for (String literal : literals) {
            for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
                if (i > 0 && text.charAt(i - 1) == ' ') {
                    offsets.add(i - 1);
                }
                offsets.add(i);
            }
        }
        int[] sorted = offsets.toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /** A cursor over matches: {@link #find()}, then {@link #start()} and {@link #end()}. */
    static final class Matches {
        private final Matcher matcher;
        private final int[] candidates;
        private final int length;
        private int next;
        private int from;

        private Matches(Matcher matcher, int[] candidates, int length) {
            this.matcher = matcher;
            this.candidates = candidates;
            this.length = length;
        }

        boolean find() {
            if (candidates == null) {
                return matcher.find();
            }
            while (next < candidates.length) {
                int at = candidates[next++];
                if (at < from) {
                    continue;
                }
                matcher.region(at, length);
                if (matcher.lookingAt()) {
                    // find() resumes at the end of a match, one further after an empty one.
                    from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
                    return true;
                }
            }
            return false;
        }

        int start() {
            return matcher.start();
        }

        int end() {
            return matcher.end();
        }
    }
}
