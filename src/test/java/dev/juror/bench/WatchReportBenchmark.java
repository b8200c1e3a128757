package dev.juror.bench;

import dev.juror.store.Workspace;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.WatchReports;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue #13's report target: {@code juror watch report}'s work (the run read from the store, the nine
 * detectors, the checkpoints' agreement) timed on the workspace {@link WatchImportBenchmark} leaves,
 * in a fresh JVM: the first report (cold: nothing compiled yet), then a few more in the same process
 * (as the Training screen's Refresh does). Opening the workspace is timed apart.
 *
 * <pre>java -cp ... dev.juror.bench.WatchReportBenchmark WORKSPACE_DIR bench [REPEATS]</pre>
 */
public final class WatchReportBenchmark {

    public static void main(String[] args) {
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long start = System.nanoTime();
        try (Workspace workspace = Workspace.open(Path.of(args[0]))) {
            System.out.printf(Locale.ROOT, "open the workspace: %.2f s%n", (System.nanoTime() - start) / 1e9);
            WatchReports reports = new WatchReports(workspace);
            for (int i = 1; i <= repeats; i++) {
                long wall = System.nanoTime();
                long cpu = cpuNanos();
                WatchReport report = reports.report(args[1]);
                System.out.printf(Locale.ROOT, "report %d: %.2f s (cpu %.2f s; %d steps, %d alarms)%n", i,
                        (System.nanoTime() - wall) / 1e9, (cpuNanos() - cpu) / 1e9, report.steps().size(),
                        report.alarms().size());
            }
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
