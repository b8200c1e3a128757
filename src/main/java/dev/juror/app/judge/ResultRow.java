package dev.juror.app.judge;

import dev.juror.store.JudgeResultRow;
import java.util.Locale;

/**
 * One line of the results table: a stored judge result with its sample. A pairwise result is one
 * pair in one order: its rollouts read {@code a>b} (a shown as candidate A) and its score is A's
 * share of the win (A 1, tie 0.5, B 0).
 */
public record ResultRow(JudgeResultRow result, String sampleId) {

    public long rolloutId() {
        return result.rolloutId();
    }

    /** The rollout, or {@code a>b} for a pair in the order shown. */
    public String rolloutText() {
        return result.rollouts();
    }

    public String status() {
        return result.status();
    }

    public String scoreText() {
        return result.sampleScore().isPresent() ? String.format(Locale.ROOT, "%.2f", result.sampleScore().getAsDouble())
                : "—";
    }

    public String latencyText() {
        return result.latencyMs() + " ms";
    }

    /** The error with its kinds, e.g. {@code out_of_range: Grounding score 7 is outside 1-5}. */
    public String errorText() {
        String kinds = result.errorKinds() == null ? "" : result.errorKinds();
        if (result.error().isEmpty()) {
            return kinds;
        }
        return kinds.isEmpty() ? result.error() : kinds + ": " + result.error();
    }
}
