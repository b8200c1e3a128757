package dev.juror.bench;

import dev.juror.store.Repositories;
import dev.juror.store.SeriesColumns;
import dev.juror.store.TrainingRun;
import dev.juror.store.TrainingRunRepository;
import dev.juror.store.Workspace;
import dev.juror.watch.RunSeries;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue #13's read: a training run read back once in a fresh JVM, as {@code juror watch report} reads
 * it (cold: nothing compiled yet, an empty heap). Run it on the workspace {@link WatchImportBenchmark}
 * leaves (it prints where), once per way of reading.
 *
 * <pre>java -cp ... dev.juror.bench.WatchSeriesBenchmark WORKSPACE_DIR bench ALL|WITHOUT_TEXTS</pre>
 */
public final class WatchSeriesBenchmark {

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (Workspace workspace = Workspace.open(Path.of(args[0]))) {
            double open = (System.nanoTime() - start) / 1e9;
            TrainingRunRepository runs = Repositories.of(workspace).trainingRuns();
            TrainingRun run = runs.find(args[1]).orElseThrow(() -> new IllegalArgumentException("no run " + args[1]));
            SeriesColumns columns = SeriesColumns.valueOf(args[2]);
            long read = System.nanoTime();
            long cpu = cpuNanos();
            RunSeries series = runs.series(run, columns);
            System.out.printf(Locale.ROOT, "open %.2f s; series %s: %.2f s (cpu %.2f s; %,d records, %d steps)%n", open,
                    columns, (System.nanoTime() - read) / 1e9, (cpuNanos() - cpu) / 1e9, series.records(),
                    series.steps().size());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
