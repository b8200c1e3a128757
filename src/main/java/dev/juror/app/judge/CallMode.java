package dev.juror.app.judge;

import dev.juror.batch.BatchMode;

/**
 * The run form's "How to call the judge": the engine's {@link BatchMode} with the words the form
 * shows. The choice box shows the short name; the line under it says what the choice means.
 */
public enum CallMode {
    ON_DEMAND(BatchMode.ONLINE, "On demand", "One call at a time, results in minutes."),
    BATCH(BatchMode.BATCH, "Batch job", "A Bedrock batch job: about half the price, results in hours,"
            + " 100 calls or more."),
    AUTO(BatchMode.AUTO, "Auto", "A batch job from 100 calls on, on demand below.");

    private final BatchMode mode;
    private final String label;
    private final String description;

    CallMode(BatchMode mode, String label, String description) {
        this.mode = mode;
        this.label = label;
        this.description = description;
    }

    public BatchMode batchMode() {
        return mode;
    }

    /** One line on what this choice does, shown under the choice. */
    public String description() {
        return description;
    }

    /** Whether the run may go to a batch job (and so needs the S3 folder and the role). */
    public boolean mayBatch() {
        return this != ON_DEMAND;
    }

    @Override
    public String toString() {
        return label;
    }
}
