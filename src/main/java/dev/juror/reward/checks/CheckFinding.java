package dev.juror.reward.checks;

import java.util.Objects;

/**
 * One rule hit: which rule, a short evidence snippet (invisible characters shown as escapes, at
 * most {@link Evidence#MAX_LENGTH} characters) and the offset in the checked text where it starts
 * (a char index into the original string, or -1 when the finding is about the text as a whole).
 */
public record CheckFinding(Rule rule, String evidence, int offset) {

    public CheckFinding {
        Objects.requireNonNull(rule, "rule");
        evidence = evidence == null ? "" : evidence;
        if (offset < -1) {
            throw new IllegalArgumentException("offset must be >= -1, was " + offset);
        }
    }

    public String ruleName() {
        return rule.name();
    }

    public RuleCategory category() {
        return rule.category();
    }
}
