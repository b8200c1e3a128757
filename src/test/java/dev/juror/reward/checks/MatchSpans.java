package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches as [start, end] lists, to compare the scanner's fast paths with {@code Matcher.find()}. */
final class MatchSpans {

    private MatchSpans() {
    }

    static List<List<Integer>> of(StartLiterals.Matches m) {
        List<List<Integer>> out = new ArrayList<>();
        while (m.find()) {
            out.add(List.of(m.start(), m.end()));
        }
        return out;
    }

    static List<List<Integer>> plain(Pattern pattern, String text) {
        List<List<Integer>> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(List.of(m.start(), m.end()));
        }
        return out;
    }
}
