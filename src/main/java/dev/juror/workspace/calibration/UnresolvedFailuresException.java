package dev.juror.workspace.calibration;

import dev.juror.store.StoredJudgeRun;

/**
 * A judge run given to calibration or the verdict holds more service failures than its threshold
 * allows, and the caller did not say to accept that. Its results without a judgement would silently
 * shrink the items compared with humans, so the run is refused until its failures are judged again
 * ({@code juror judge --resume ID --retry-failed}) or accepted explicitly.
 */
public final class UnresolvedFailuresException extends IllegalArgumentException {

    private final long runId;

    UnresolvedFailuresException(StoredJudgeRun run) {
        super(run.unresolvedFailuresSentence() + "; judge them again (juror judge --resume " + run.id()
                + " --retry-failed) or accept the run with its failures left out");
        this.runId = run.id();
    }

    public long runId() {
        return runId;
    }
}
