package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence. Rubric files are a few hundred lines, so the
 * quadratic table is small; larger inputs fall back to "all removed, all added" rather than
 * allocate a huge table.
 */
public final class LineDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {
        @Override
        public String toString() {
            return switch (kind) {
                case SAME -> "  " + text;
                case ADDED -> "+ " + text;
                case REMOVED -> "- " + text;
            };
        }
    }

    private static final long MAX_CELLS = 25_000_000L;

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Line> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(l -> out.add(new Line(Kind.REMOVED, l)));
            b.forEach(l -> out.add(new Line(Kind.ADDED, l)));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                out.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new Line(Kind.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new Line(Kind.ADDED, b.get(j++)));
        }
        return out;
    }

    /** Only the changed lines with {@code context} unchanged lines around each change; "..." marks gaps. */
    public static List<String> unified(List<Line> lines, int context) {
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).kind() != Kind.SAME) {
                for (int c = Math.max(0, k - context); c <= Math.min(lines.size() - 1, k + context); c++) {
                    keep[c] = true;
                }
            }
        }
        List<String> out = new ArrayList<>();
        boolean gap = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                if (gap) {
                    out.add("...");
                }
                out.add(lines.get(k).toString());
                gap = false;
            } else {
                gap = true;
            }
        }
        return out;
    }
}
