package dev.juror.bench;

import dev.juror.store.Repositories;
import dev.juror.store.SeriesColumns;
import dev.juror.store.TrainingRun;
import dev.juror.store.TrainingRunRepository;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.JurorRecords;
import dev.juror.workspace.watch.WatchImportOptions;
import dev.juror.workspace.watch.WatchImportSummary;
import dev.juror.workspace.watch.WatchImporter;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Issue #13's import target: 1,000,000 reward records (500 steps x 2,048 samples, a generated JSONL
 * file of juror records without a step, as the Nova contract logs them) into a fresh workspace in
 * under 30 s, placed by invocation order with 2,048 calls per step. Prints the file size, the time
 * to import it, the time to import it again (idempotent: nothing added, nothing moved), and the time to
 * read the run back as the report does ({@code TrainingRunRepository.series}).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/test.cp) dev.juror.bench.WatchImportBenchmark 500 2048</pre>
 */
public final class WatchImportBenchmark {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int perStep = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        Path dir = Files.createTempDirectory("juror-watch-bench");
        Path file = dir.resolve("rewards.jsonl");
        write(file, steps, perStep);
        System.out.printf(Locale.ROOT, "file: %,d records, %.0f MB%n", (long) steps * perStep,
                Files.size(file) / 1e6);
        try (Workspace workspace = Workspace.open(dir.resolve("ws"))) {
            WatchImporter importer = new WatchImporter(workspace);
            WatchImportOptions options = new WatchImportOptions(Optional.empty(), OptionalInt.of(perStep));
            for (String pass : new String[] {"import", "re-import"}) {
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                WatchImportSummary s = importer.importFile("bench", file, file.getFileName().toString(), options);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s: %.1f s (cpu %.1f s; %,d read, %,d added, %,d moved; run: %,d records,"
                                + " steps %d-%d, placed by %s)%n", pass, seconds, (processCpuNanos() - cpu) / 1e9, s.read(),
                        s.added(), s.moved(),
                        s.stats().records(), s.stats().firstStep().orElse(-1), s.stats().lastStep().orElse(-1),
                        s.placement().wire());
            }
            readSeries(workspace, steps);
        }
        System.out.printf(Locale.ROOT, "workspace: %.0f MB%n", Files.size(dir.resolve("ws").resolve(Workspace.DATABASE_FILE)) / 1e6);
        Files.delete(file); // 559 MB at the default size; the workspace stays for WatchSeriesBenchmark
        System.out.println("workspace left at " + dir.resolve("ws"));
    }

    /**
     * What {@code juror watch report} and the Training screen read: the whole run as a {@link RunSeries}
     * (three times each way, with and without the per-record texts: the first includes the JIT warming up), then one step (the screen's drill-down).
     */
    private static void readSeries(Workspace workspace, int steps) {
        TrainingRunRepository runs = Repositories.of(workspace).trainingRuns();
        TrainingRun run = runs.find("bench").orElseThrow();
        for (int pass = 1; pass <= 3; pass++) {
            for (SeriesColumns columns : SeriesColumns.values()) {
                long start = System.nanoTime();
                long cpu = processCpuNanos();
                RunSeries series = runs.series(run, columns);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "series %d %s: %.2f s (cpu %.2f s; %,d records, %d steps)%n", pass,
                        columns, seconds, (processCpuNanos() - cpu) / 1e9, series.records(), series.steps().size());
            }
        }
        long start = System.nanoTime();
        StepRecords step = runs.step(run, steps / 2);
        System.out.printf(Locale.ROOT, "step %d: %.3f s (%,d records)%n", steps / 2, (System.nanoTime() - start) / 1e9,
                step.size());
    }

    /** CPU time of the whole process (all threads, GC included): the machine is shared, so wall time alone misleads. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Records in invocation order, a few milliseconds apart, rewards drifting up with the step; the 8
     * generations of a prompt share its sample id and prompt hash (as the Lambda logs them: one
     * dataset sample, one prompt), each has its own prediction hash and timestamp.
     */
    private static void write(Path file, int steps, int perStep) throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        Instant t = Instant.parse("2026-12-08T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int step = 0; step < steps; step++) {
                for (int i = 0; i < perStep; i++) {
                    t = t.plusMillis(1 + random.nextInt(5));
                    double reward = Math.min(1.0, 0.3 + step * 0.001 + random.nextDouble() * 0.4);
                    out.write(JurorRecords.record(JurorRecords.BUNDLE, "p" + (i / 8) + "-s" + step, t, reward, -1));
                    out.newLine();
                }
            }
        }
    }
}
