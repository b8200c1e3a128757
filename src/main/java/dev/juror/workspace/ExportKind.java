package dev.juror.workspace;

/** What an export writes: the judge prompt bundle, Nova RFT training rows or the reward Lambda package. */
public enum ExportKind {
    PROMPT_BUNDLE("Judge prompt bundle", "judge prompt", "prompt-bundle"),
    TRAINING_DATA("Nova RFT training data", "training data", "training-data"),
    LAMBDA_PACKAGE("Reward Lambda package", "reward Lambda bundle", "reward-lambda");

    private final String label;
    private final String what;
    private final String folder;

    ExportKind(String label, String what, String folder) {
        this.label = label;
        this.what = what;
        this.folder = folder;
    }

    /** The prompt and the Lambda carry the judge, so they pass the verdict gate; training rows hold no judge. */
    public boolean gated() {
        return this != TRAINING_DATA;
    }

    /** How the gate's refusal names it. */
    public String what() {
        return what;
    }

    /** Default output folder name under the workspace's {@code exports/}. */
    public String folder() {
        return folder;
    }

    @Override
    public String toString() {
        return label;
    }
}
