package dev.juror.store;

/** Which columns {@link TrainingRunRepository#series(TrainingRun, SeriesColumns)} reads. */
public enum SeriesColumns {
    /** Every column of {@code StepRecords}: what {@code series(run)} reads. */
    ALL,
    /**
     * Every column but the per-record texts: {@code sampleId}, {@code predictionSha256} and
     * {@code prediction} are arrays of nulls. What the detectors need (rewards, lengths, comments,
     * checks, fallbacks, metrics, prompt hashes for groups) for a fraction of the allocation; read a
     * step whole ({@code step(run, s)}) to name its rollouts.
     */
    WITHOUT_TEXTS
}
