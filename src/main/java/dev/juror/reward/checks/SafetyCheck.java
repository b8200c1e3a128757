package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule-based filter for prohibited content: slurs, threats, payment card numbers (Luhn), US social
 * security numbers, credentials. The list is a versioned resource ({@link SafetyRules}); its version
 * is the metric {@code safety_rules_version}. Other metrics: {@code safety_findings} and
 * {@code rule.<name>} counts.
 */
public final class SafetyCheck {

    public static final String CHECK_NAME = "safety";

    private final SafetyRules rules;

    public SafetyCheck() {
        this(SafetyRules.loadDefault());
    }

    public SafetyCheck(SafetyRules rules) {
        this.rules = rules;
    }

    public CheckResult check(String text) {
        String original = text == null ? "" : text;
        RevealedText revealed = RevealedText.of(original);
        FoldedText folded = FoldedText.of(revealed);
        List<CheckFinding> findings = new ArrayList<>();
        terms(original, folded, findings);
        for (SafetyRules.RegexRule rr : rules.regexes()) {
            if (rr.raw()) {
                StartLiterals.Matches m = rr.starts().matches(rr.pattern(), revealed.text());
                while (m.find()) {
                    if (valid(rr.validator(), revealed.text().substring(m.start(), m.end()))) {
                        int start = revealed.originalOffset(m.start());
                        int end = revealed.originalOffset(m.end() - 1) + 1;
                        findings.add(new CheckFinding(rr.rule(), redact(rr.rule(), original.substring(start, end)), start));
                    }
                }
            } else {
                StartLiterals.Matches m = rr.starts().matches(rr.pattern(), folded.text());
                while (!folded.text().isEmpty() && m.find()) {
                    if (valid(rr.validator(), folded.text().substring(m.start(), m.end()))) {
                        int start = folded.originalOffset(m.start());
                        int end = folded.originalOffset(m.end() - 1) + 1;
                        findings.add(new CheckFinding(rr.rule(), Evidence.slice(original, start, end), start));
                    }
                }
            }
        }
        findings.sort(Comparator.comparingInt(CheckFinding::offset));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("safety_rules_version", (double) rules.version());
        metrics.put("safety_findings", (double) findings.size());
        for (CheckFinding f : findings) {
            metrics.merge("rule." + f.ruleName(), 1.0, Double::sum);
        }
        return new CheckResult(CHECK_NAME, findings, metrics);
    }

    private void terms(String original, FoldedText folded, List<CheckFinding> out) {
        String s = folded.text();
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            Rule rule = rules.terms().get(s.substring(start, i));
            if (rule != null) {
                int from = folded.originalOffset(start);
                int to = folded.originalOffset(i - 1) + 1;
                out.add(new CheckFinding(rule, redact(rule, original.substring(from, to)), from));
            }
        }
    }

    /** Evidence must not copy secrets or slurs into logs in full. */
    private static String redact(Rule rule, String match) {
        String printable = Evidence.printable(match);
        if (rule.equals(Rules.THREAT)) {
            return printable;
        }
        int keep = Math.min(4, printable.length() / 4);
        return printable.substring(0, keep) + "*".repeat(Math.max(0, printable.length() - keep * 2))
                + printable.substring(printable.length() - keep);
    }

    private static boolean valid(SafetyRules.Validator validator, String match) {
        return switch (validator) {
            case NONE -> true;
            case LUHN -> luhn(match);
            case SSN -> ssn(match);
        };
    }

    static boolean luhn(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** Area not 000, 666 or 900-999; group not 00; serial not 0000 (SSA rules). */
    static boolean ssn(String s) {
        String[] p = s.split("-");
        if (p.length != 3) {
            return false;
        }
        int area = Integer.parseInt(p[0]);
        return area != 0 && area != 666 && area < 900 && Integer.parseInt(p[1]) != 0 && Integer.parseInt(p[2]) != 0;
    }
}
