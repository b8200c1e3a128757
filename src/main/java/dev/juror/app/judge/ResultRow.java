package dev.juror.app.judge;

import dev.juror.store.JudgeResultRow;
import java.util.Locale;

/** One line of the results table: a stored judge result with its sample. */
public record ResultRow(JudgeResultRow result, String sampleId) {

    public long rolloutId() {
        return result.rolloutId();
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
