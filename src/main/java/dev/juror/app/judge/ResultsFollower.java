package dev.juror.app.judge;

import dev.juror.app.tasks.BackgroundTasks;
import dev.juror.workspace.WorkspaceLookups;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.collections.ObservableList;

/**
 * Keeps the results table of a run in progress current: on each progress update it reads the
 * results stored since the last read (at most one read per {@link #INTERVAL}, one at a time, in the
 * background) and appends them. Rows arrive in the order they were stored; when the run ends the
 * screen reloads the table in rollout order. All methods run on the FX thread.
 */
final class ResultsFollower {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final BackgroundTasks tasks;
    private final ObservableList<ResultRow> results;
    private final LongSupplier nanoClock;
    private long shownRun = -1;
    private long lastId;
    /** Bumped whenever the table is reloaded or emptied, so a read that started before is dropped. */
    private long generation;
    private boolean reading;
    private long lastRead = Long.MIN_VALUE;

    ResultsFollower(BackgroundTasks tasks, ObservableList<ResultRow> results, LongSupplier nanoClock) {
        this.tasks = tasks;
        this.results = results;
        this.nanoClock = nanoClock;
    }

    /** The table was emptied (another run selected, or a reload began). */
    void clear() {
        shownRun = -1;
        generation++;
        reading = false;
    }

    /** The table now shows these rows of {@code runId}. */
    void showing(long runId, List<ResultRow> rows) {
        clear();
        shownRun = runId;
        lastId = rows.stream().mapToLong(r -> r.result().id()).max().orElse(0);
    }

    /** Reads new results when the table shows the run in progress and the last read is old enough. */
    void poll(RunReader reader, long runningRun) {
        long now = nanoClock.getAsLong();
        if (reader == null || runningRun < 0 || shownRun != runningRun || reading
                || (lastRead != Long.MIN_VALUE && now - lastRead < INTERVAL.toNanos())) {
            return;
        }
        reading = true;
        lastRead = now;
        long read = generation;
        long after = lastId;
        tasks.runQuietly(progress -> reader.resultsAfter(runningRun, after), rows -> {
            if (read != generation) {
                return;
            }
            reading = false;
            for (WorkspaceLookups.RunResult r : rows) {
                results.add(new ResultRow(r.result(), r.sampleId()));
                lastId = Math.max(lastId, r.result().id());
            }
        }, failure -> {
            if (read == generation) {
                reading = false; // a failed read is retried on a later update; the final reload shows all
            }
        });
    }
}
