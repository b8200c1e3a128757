package dev.juror.rubric;

/** What one judgement covers: each comment of a prediction, or the whole response. */
public enum Unit {
    COMMENT, RESPONSE;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
