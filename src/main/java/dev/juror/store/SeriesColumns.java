package dev.juror.store;

/** Which columns {@link TrainingRunRepository#series(TrainingRun, SeriesColumns)} reads. */
public enum SeriesColumns {
    /** Every column of {@code StepRecords}: what {@code series(run)} reads. */
    ALL,
    /**
     * Every column but the per-record texts: {@code sampleId}, {@code predictionSha256} and
     * {@code prediction} are arrays of nulls. For readers of rewards, lengths, comments, checks,
     * fallbacks, metrics and prompt groups (charts), at half the allocation of a full read; not for the
     * detectors that match prediction hashes or name example rollouts by sample id.
     */
    WITHOUT_TEXTS
}
