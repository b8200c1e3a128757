package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the injection scanner's findings, keeping at most N per rule but counting all of them,
 * and turns them into the check's result and metrics.
 */
final class FindingCollector {
    private final int maxPerRule;
    private final List<CheckFinding> findings = new ArrayList<>();
    private final Map<Rule, Integer> counts = new LinkedHashMap<>();

    FindingCollector(int maxPerRule) {
        this.maxPerRule = maxPerRule;
    }

    void add(CheckFinding finding) {
        int n = counts.merge(finding.rule(), 1, Integer::sum);
        if (n <= maxPerRule) {
            findings.add(finding);
        }
    }

    /** False once the rule has its quota of findings: then only {@link #count} it. */
    boolean wantsDetail(Rule rule) {
        return counts.getOrDefault(rule, 0) < maxPerRule;
    }

    void count(Rule rule) {
        counts.merge(rule, 1, Integer::sum);
    }

    /** The findings kept so far, in the order they were added. */
    List<CheckFinding> findings() {
        return findings;
    }

    boolean hasInjection() {
        return counts.keySet().stream().anyMatch(r -> r.category() == RuleCategory.INJECTION
                || r.category() == RuleCategory.ENCODED || r == Rules.UNICODE_TAG);
    }

    CheckResult result(int chars, int hiddenCodePoints) {
        findings.sort(Comparator.comparingInt(CheckFinding::offset));
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<RuleCategory, Integer> perCategory = new EnumMap<>(RuleCategory.class);
        int total = 0;
        for (Map.Entry<Rule, Integer> e : counts.entrySet()) {
            metrics.put("rule." + e.getKey().name(), e.getValue().doubleValue());
            perCategory.merge(e.getKey().category(), e.getValue(), Integer::sum);
            total += e.getValue();
        }
        for (RuleCategory c : List.of(RuleCategory.INJECTION, RuleCategory.HIDDEN_TEXT, RuleCategory.ENCODED,
                RuleCategory.MASTER_KEY)) {
            metrics.put("findings." + c.prefix(), perCategory.getOrDefault(c, 0).doubleValue());
        }
        metrics.put("findings", (double) total);
        metrics.put("chars", (double) chars);
        metrics.put("hidden_code_points", (double) hiddenCodePoints);
        return new CheckResult(InjectionScanner.CHECK_NAME, findings, metrics);
    }
}
