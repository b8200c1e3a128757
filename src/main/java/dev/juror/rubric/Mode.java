package dev.juror.rubric;

/** Pointwise: one candidate gets a score per dimension. Pairwise: two candidates, the judge picks A, B or tie. */
public enum Mode {
    POINTWISE, PAIRWISE;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
