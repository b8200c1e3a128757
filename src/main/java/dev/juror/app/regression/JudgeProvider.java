package dev.juror.app.regression;

/** Who scores the suite's rollouts on the Regression screen. */
public enum JudgeProvider {
    /** Juror's offline heuristic judge: no model, no credentials; for trying the screen and the suite. */
    HEURISTIC("Heuristic (offline)"),
    /** Recorded answers of this rubric version and model only; rollouts without one fail as not scored. */
    REPLAY("Replay recorded answers"),
    /** Amazon Bedrock, recorded answers replayed first; needs AWS credentials. */
    BEDROCK("Amazon Bedrock");

    private final String label;

    JudgeProvider(String label) {
        this.label = label;
    }

    /** Whether the judge model field applies. */
    public boolean needsModel() {
        return this != HEURISTIC;
    }

    @Override
    public String toString() {
        return label;
    }
}
