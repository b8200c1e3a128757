package dev.juror.reward.checks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The action per rule, as configured by the caller (e.g. from a rubric's {@code checks} section);
 * rules not mentioned keep their {@link Rule#defaultAction()}. Immutable: {@link #with} returns a
 * copy.
 */
public final class RuleActions {

    private final Map<String, RuleAction> overrides;

    private RuleActions(Map<String, RuleAction> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public static RuleActions defaults() {
        return new RuleActions(Map.of());
    }

    /**
     * A copy where {@code ruleName} takes {@code action}.
     *
     * @throws IllegalArgumentException for an unknown rule name (the message lists that family's rules)
     */
    public RuleActions with(String ruleName, RuleAction action) {
        Rules.require(ruleName);
        if (action == null) {
            throw new IllegalArgumentException("action for rule '" + ruleName + "' must be one of FLOOR, FLAG, REPORT");
        }
        Map<String, RuleAction> copy = new HashMap<>(overrides);
        copy.put(ruleName, action);
        return new RuleActions(copy);
    }

    public RuleAction actionFor(Rule rule) {
        return overrides.getOrDefault(rule.name(), rule.defaultAction());
    }

    /** The strongest action over all findings of these results; empty when nothing fired. */
    public Optional<RuleAction> strongest(Collection<CheckResult> results) {
        RuleAction strongest = null;
        for (CheckResult result : results) {
            for (CheckFinding finding : result.findings()) {
                RuleAction action = actionFor(finding.rule());
                strongest = strongest == null ? action : strongest.max(action);
            }
        }
        return Optional.ofNullable(strongest);
    }
}
