package dev.juror.cli;

import dev.juror.workspace.watch.CheckpointSampler;
import java.io.PrintWriter;

/** {@code juror watch sample}'s progress on standard error: at most a line a second, and the last one. */
final class WatchSampleProgress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private long lastPrinted = System.nanoTime() - INTERVAL_NANOS;

    WatchSampleProgress(PrintWriter err) {
        this.err = err;
    }

    /** Called on the executor's delivery thread, one call at a time. */
    void update(CheckpointSampler.Progress p) {
        long now = System.nanoTime();
        int finished = p.alreadyDone() + p.stored() + p.failed();
        if (now - lastPrinted < INTERVAL_NANOS && finished < p.total()) {
            return;
        }
        lastPrinted = now;
        err.println("sampled " + (p.alreadyDone() + p.stored()) + "/" + p.total() + " (" + p.stored() + " now, "
                + p.failed() + " failed)");
        err.flush();
    }
}
