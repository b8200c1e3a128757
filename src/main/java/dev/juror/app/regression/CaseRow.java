package dev.juror.app.regression;

import dev.juror.calibration.regression.SuiteResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the case table: a case, its expectations and what was observed (one line per
 * expectation), the outcome and, for a failed case, the expectations that did not hold; {@code detail}
 * spells out every check for the selected row, since table cells cut long text.
 */
public record CaseRow(String id, String rollout, String expectations, String observed, boolean passed, String reason,
                      String detail) {

    public static CaseRow of(SuiteResult.CaseResult c) {
        List<SuiteResult.Check> checks = c.checks();
        String expected = checks.stream().map(SuiteResult.Check::expectation).collect(Collectors.joining("\n"));
        String observed = checks.stream().map(SuiteResult.Check::found).collect(Collectors.joining("\n"));
        String reason = checks.stream().filter(ch -> !ch.passed())
                .map(ch -> "expected " + ch.expectation() + ", found " + ch.found())
                .collect(Collectors.joining("\n"));
        String detail = c.id() + " (" + c.rollout() + "): " + (c.passed() ? "PASS" : "FAIL") + checks.stream()
                .map(ch -> "\n  " + (ch.passed() ? "pass  " : "FAIL  ") + ch.expectation() + ": " + ch.found())
                .collect(Collectors.joining());
        return new CaseRow(c.id(), c.rollout(), expected, observed, c.passed(), reason, detail);
    }

    public String result() {
        return passed ? "PASS" : "FAIL";
    }
}
