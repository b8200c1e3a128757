package dev.juror.dataset;

import java.util.Arrays;

/**
 * A text folded for tolerant matching, with a map from each folded character back to the original
 * range it came from. Folding: whitespace runs (line breaks, tabs, no-break spaces) become one
 * space and leading whitespace is dropped; curly and other quote marks become {@code '} or
 * {@code "}; en/em and other dashes become {@code -}; a hyphen between two letters is dropped
 * ({@code third-party} = {@code thirdparty}), also when a line break follows it
 * ({@code indemni-\nfication} = {@code indemnification}); soft hyphens and zero-width characters are
 * dropped; {@code …} becomes {@code ...}; letters are lower-cased.
 */
final class NormalizedText {

    final String text;
    private final int[] starts;
    private final int[] ends;

    private NormalizedText(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** Original start of the folded range beginning at {@code from}. */
    int originalStart(int from) {
        return starts[from];
    }

    /** Original end (exclusive) of the folded range ending before {@code to}. */
    int originalEnd(int to) {
        return ends[to - 1];
    }

    static NormalizedText of(String original) {
        return new Builder(original).build();
    }

    private static final class Builder {
        private final String s;
        private char[] out;
        private int[] starts;
        private int[] ends;
        private int len;

        Builder(String s) {
            this.s = s;
            int capacity = s.length() + 8;
            out = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        NormalizedText build() {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (isSpace(c)) {
                    int j = i;
                    while (j < n && (isSpace(s.charAt(j)) || isInvisible(s.charAt(j)))) {
                        j++;
                    }
                    if (len > 0 && out[len - 1] != ' ') {
                        emit(' ', i, j);
                    }
                    i = j;
                } else if (isInvisible(c)) {
                    i++;
                } else if (isDash(c)) {
                    int next = joinedWordContinues(i);
                    if (next > 0) {
                        i = next;
                    } else {
                        emit('-', i, i + 1);
                        i++;
                    }
                } else if (c == '\u2026') {
                    emit('.', i, i + 1);
                    emit('.', i, i + 1);
                    emit('.', i, i + 1);
                    i++;
                } else {
                    emit(fold(c), i, i + 1);
                    i++;
                }
            }
            return new NormalizedText(new String(out, 0, len), starts, ends);
        }

        /**
         * For a dash at {@code i} between a letter and a letter (directly, or across whitespace
         * holding a line break), the index of that next letter; otherwise -1.
         */
        private int joinedWordContinues(int i) {
            if (len == 0 || !Character.isLetter(out[len - 1])) {
                return -1;
            }
            int n = s.length();
            int j = i + 1;
            boolean lineBreak = false;
            while (j < n && (isSpace(s.charAt(j)) || isInvisible(s.charAt(j)))) {
                char w = s.charAt(j);
                lineBreak |= w == '\n' || w == '\r';
                j++;
            }
            boolean joins = j < n && Character.isLetter(s.charAt(j)) && (j == i + 1 || lineBreak);
            return joins ? j : -1;
        }

        private void emit(char c, int from, int to) {
            if (len == out.length) {
                int capacity = out.length * 2;
                out = Arrays.copyOf(out, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
            out[len] = c;
            starts[len] = from;
            ends[len] = to;
            len++;
        }
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58' || c == '\uFE63'
                || c == '\uFF0D';
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            default -> Character.toLowerCase(c);
        };
    }
}
