package dev.juror.reward.checks;

/**
 * What the reward does when a rule fires. The checks only report findings; the caller maps each
 * rule to an action (see {@link RuleActions}), so a rubric can tighten or relax a rule without
 * touching the detectors.
 */
public enum RuleAction {
    /** Score normally; the finding is only reported (metrics, logs). */
    REPORT,
    /** Score normally but route the rollout to human review. */
    FLAG,
    /** Floor the reward (minimum reward, no judge call). */
    FLOOR;

    /** The stronger of two actions: FLOOR over FLAG over REPORT. */
    public RuleAction max(RuleAction other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
