package dev.juror.rubric;

/**
 * What the reward does when an injection rule matches a response: {@code floor} the reward to its
 * minimum, {@code flag} it for human review (the judge still scores it), or only {@code report} it
 * in the metrics.
 */
public enum InjectionAction {
    FLOOR, FLAG, REPORT;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
