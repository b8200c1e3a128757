package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verifiable component beside the judge: how well the predicted excerpts hit the spans experts
 * annotated (e.g. CUAD clause texts). Texts are folded ({@link FoldedText}: case, accents, quotes,
 * whitespace) and split into words; an excerpt <em>matches</em> a span when their word-bigram sets
 * have Jaccard similarity at least {@code jaccard}, or when at least {@code containment} of the
 * excerpt's bigrams lie in the span and the excerpt has at least {@code minBigrams} bigrams (a
 * substantial quote from inside a long clause). Bigrams keep word order, so a few shared common words
 * do not make a match. One-word texts use their single word.
 *
 * <p>Metrics: {@code reference_precision} = matching excerpts / excerpts; {@code reference_recall}
 * = spans matched by some excerpt / spans; {@code reference_f1}; counts {@code predicted_excerpts},
 * {@code expert_spans}, {@code matched_excerpts}, {@code matched_spans}. Vacuous cases: no excerpts
 * gives precision 1, no spans gives recall 1 (nothing to find), so neither is ever NaN; with spans
 * absent and excerpts present, precision is 0 (every excerpt is unsupported).
 */
public final class ReferenceOverlapCheck {

    public static final String CHECK_NAME = "reference_overlap";

    /** Defaults: Jaccard 0.5, containment 0.8, at least 4 bigrams (5 words) for containment. */
    public record Thresholds(double jaccard, double containment, int minBigrams) {
        public Thresholds {
            if (!(jaccard > 0 && jaccard <= 1) || !(containment > 0 && containment <= 1) || minBigrams < 1) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < jaccard <= 1, 0 < containment <= 1, "
                        + "minBigrams >= 1; got " + jaccard + ", " + containment + ", " + minBigrams);
            }
        }

        public static Thresholds defaults() {
            return new Thresholds(0.5, 0.8, 4);
        }
    }

    private final Thresholds thresholds;

    public ReferenceOverlapCheck() {
        this(Thresholds.defaults());
    }

    public ReferenceOverlapCheck(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public CheckResult check(List<String> expertSpans, List<String> predictedExcerpts) {
        List<Set<String>> spans = shingleAll(expertSpans);
        List<Set<String>> excerpts = shingleAll(predictedExcerpts);
        boolean[] spanMatched = new boolean[spans.size()];
        int matchedExcerpts = 0;
        for (Set<String> e : excerpts) {
            boolean any = false;
            for (int j = 0; j < spans.size(); j++) {
                if (matches(e, spans.get(j))) {
                    spanMatched[j] = true;
                    any = true;
                }
            }
            if (any) {
                matchedExcerpts++;
            }
        }
        int matchedSpans = 0;
        for (boolean b : spanMatched) {
            matchedSpans += b ? 1 : 0;
        }
        double precision = excerpts.isEmpty() ? 1.0 : (double) matchedExcerpts / excerpts.size();
        double recall = spans.isEmpty() ? 1.0 : (double) matchedSpans / spans.size();
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("reference_precision", precision);
        metrics.put("reference_recall", recall);
        metrics.put("reference_f1", f1);
        metrics.put("predicted_excerpts", (double) excerpts.size());
        metrics.put("expert_spans", (double) spans.size());
        metrics.put("matched_excerpts", (double) matchedExcerpts);
        metrics.put("matched_spans", (double) matchedSpans);
        return new CheckResult(CHECK_NAME, List.of(), metrics);
    }

    boolean matches(Set<String> excerpt, Set<String> span) {
        if (excerpt.isEmpty() || span.isEmpty()) {
            return false;
        }
        int common = 0;
        for (String b : excerpt) {
            if (span.contains(b)) {
                common++;
            }
        }
        double jaccard = (double) common / (excerpt.size() + span.size() - common);
        double containment = (double) common / excerpt.size();
        return jaccard >= thresholds.jaccard()
                || (excerpt.size() >= thresholds.minBigrams() && containment >= thresholds.containment());
    }

    private static List<Set<String>> shingleAll(List<String> texts) {
        List<Set<String>> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                out.add(bigrams(t));
            }
        }
        return out;
    }

    static Set<String> bigrams(String text) {
        String[] words = FoldedText.of(RevealedText.of(text)).text().split("[^\\p{L}\\p{N}]+");
        List<String> tokens = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                tokens.add(w);
            }
        }
        Set<String> set = new HashSet<>();
        if (tokens.size() == 1) {
            set.add(tokens.get(0));
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            set.add(tokens.get(i) + ' ' + tokens.get(i + 1));
        }
        return set;
    }
}
