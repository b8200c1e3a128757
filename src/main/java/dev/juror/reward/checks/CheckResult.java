package dev.juror.reward.checks;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one check found: its findings in text order and named numeric metrics (sorted by name).
 * Metrics are always finite: a check that cannot measure something leaves the metric out or
 * reports a documented neutral value, it never reports NaN.
 */
public record CheckResult(String checkName, List<CheckFinding> findings, Map<String, Double> metrics) {

    public CheckResult {
        Objects.requireNonNull(checkName, "checkName");
        findings = List.copyOf(findings);
        TreeMap<String, Double> sorted = new TreeMap<>();
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("metric '" + name + "' of check '" + checkName
                        + "' must be a finite number, was " + value);
            }
            sorted.put(name, value);
        });
        metrics = Collections.unmodifiableMap(sorted);
    }

    /** True when no rule fired. */
    public boolean clean() {
        return findings.isEmpty();
    }

    public boolean hasRule(String ruleName) {
        return findings.stream().anyMatch(f -> f.ruleName().equals(ruleName));
    }

    public List<CheckFinding> findingsOf(String ruleName) {
        return findings.stream().filter(f -> f.ruleName().equals(ruleName)).toList();
    }

    /** The metric's value, or {@code fallback} when the check did not report it. */
    public double metric(String name, double fallback) {
        Double value = metrics.get(name);
        return value == null ? fallback : value;
    }
}
