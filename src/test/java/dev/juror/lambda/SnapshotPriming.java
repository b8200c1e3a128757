package dev.juror.lambda;

/**
 * For {@code FirstBigLambdaEvent}: what a SnapStart execution environment starts with, in a JVM
 * without CRaC: the init phase without priming, then the priming {@code beforeCheckpoint} would run
 * (with its snapshot time limit), done here directly. Reached from the benchmark's child JVM, whose
 * class path holds the exported package's {@code dev.juror.lambda} classes.
 */
public final class SnapshotPriming {

    private SnapshotPriming() {
    }

    /** A handler as restored from a SnapStart snapshot. */
    public static RewardHandler restoredHandler() {
        RewardRuntime runtime = RewardRuntime.fromEnvironment();
        PrimingSchedule.priming(runtime, PrimingSchedule.When.BEFORE_CHECKPOINT).runQuietly();
        return new RewardHandler(runtime);
    }
}
