package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the injection patterns (the standard ones plus the configured extra delimiters and verdict
 * keys) over a folded text and reports each match as a span of the original text.
 */
final class PatternMatcher {

    private final List<InjectionPatterns.Entry> patterns;
    private final int maxFindingsPerRule;

    PatternMatcher(ScannerConfig config) {
        List<InjectionPatterns.Entry> all = new ArrayList<>(InjectionPatterns.standard());
        for (String delimiter : config.extraDelimiters()) {
            all.add(InjectionPatterns.literal(Rules.DELIMITER_BREAKOUT, fold(delimiter)));
        }
        for (String key : config.extraVerdictKeys()) {
            all.add(InjectionPatterns.verdictKey(fold(key)));
        }
        this.patterns = List.copyOf(all);
        this.maxFindingsPerRule = config.maxFindingsPerRule();
    }

    /** Where the pattern matches go: offsets are in the original text, {@code reads} is the folded match. */
    interface Hits {
        boolean wantsDetail(Rule rule);

        void count(Rule rule);

        void hit(Rule rule, int start, int end, String reads);
    }

    /** A pattern match in an alternative reading or the joined comments: [start, end) in the original. */
    record Hit(Rule rule, int start, int end, String reads) {
    }

    /**
     * Runs every pattern over the folded text. The reported span is the smallest range of the
     * original that holds the match's first and last characters (in a reversed reading the first
     * folded character maps to the last original one); in a reading it extends to where the next
     * character's source starts, so an entity is shown whole.
     */
    void match(FoldedText folded, boolean reading, Hits hits) {
        String text = folded.text();
        AnchorIndex anchors = new AnchorIndex(text);
        for (InjectionPatterns.Entry entry : patterns) {
            if (!entry.mayMatch(anchors)) {
                continue;
            }
            StartLiterals.Matches m = entry.matches(text);
            while (m.find()) {
                int from = m.start();
                while (from < m.end() - 1 && (text.charAt(from) == ' ' || text.charAt(from) == '\n')) {
                    from++; // the optional space after a sentence boundary is not evidence
                }
                if (!hits.wantsDetail(entry.rule())) {
                    hits.count(entry.rule());
                    continue;
                }
                int first = folded.originalOffset(from);
                int last = m.end() > from ? folded.originalOffset(m.end() - 1) : first;
                if (reading) {
                    // reversed readings map the match's ends to inner characters: take the whole range
                    for (int k = from; k < m.end(); k++) {
                        int o = folded.originalOffset(k);
                        first = Math.min(first, o);
                        last = Math.max(last, o);
                    }
                }
                int end = Math.max(first, last) + (m.end() > from ? 1 : 0);
                if (reading && m.end() < text.length()) {
                    // a decoded char maps to the start of its source ("&gt;"): end where the next one starts
                    int next = folded.originalOffset(m.end());
                    if (next > end && next - end <= 12) {
                        end = next;
                    }
                }
                hits.hit(entry.rule(), Math.min(first, last), end, text.substring(from, m.end()));
            }
        }
    }

    /** The matches in one folded text, at most {@code maxFindingsPerRule} per rule. */
    List<Hit> hits(FoldedText folded, boolean reading) {
        List<Hit> out = new ArrayList<>();
        Map<Rule, Integer> perRule = new HashMap<>();
        match(folded, reading, new Hits() {
            public boolean wantsDetail(Rule rule) {
                return perRule.getOrDefault(rule, 0) < maxFindingsPerRule;
            }

            public void count(Rule rule) {
            }

            public void hit(Rule rule, int start, int end, String reads) {
                perRule.merge(rule, 1, Integer::sum);
                out.add(new Hit(rule, start, end, reads));
            }
        });
        return out;
    }

    private static String fold(String s) {
        return FoldedText.of(RevealedText.of(s)).text().toLowerCase(Locale.ROOT);
    }
}
