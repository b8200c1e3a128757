package dev.juror.reward.checks;

import java.util.Objects;

/**
 * One deterministic rule: a stable name (used in rubric configuration, metrics and reports), its
 * category, the action taken when nobody configures otherwise, and a one-line description.
 */
public record Rule(String name, RuleCategory category, RuleAction defaultAction, String description) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(defaultAction, "defaultAction");
        Objects.requireNonNull(description, "description");
        if (!name.startsWith(category.prefix() + ".")) {
            throw new IllegalArgumentException("rule name '" + name + "' must start with '"
                    + category.prefix() + ".'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
