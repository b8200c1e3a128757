package dev.juror.watch.detect;

import dev.juror.testing.watch.FalseAlarms;
import dev.juror.testing.watch.TrainingSimulator;
import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.testing.watch.TrainingSimulator.Hack;
import dev.juror.watch.RunSeries;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: numbers for docs/benchmarks.md ("Training watch detectors"). Three parts, each printed:
 * the false-alarm rate per detector over 20 clean runs of 500 steps x 2,048 records, the detection lag
 * of each planted hack (5 seeds, plant at step 250), and the time to build the report of one
 * 500 x 2,048 run held in memory (median of 5 after 2 warm-ups).
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/test-classes:target/classes:$(cat cp.txt) dev.juror.watch.detect.WatchDetectorBench [seeds steps prompts generations]
 * </pre>
 */
public final class WatchDetectorBench {

    private WatchDetectorBench() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int prompts = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        int generations = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        System.out.printf(Locale.ROOT, "clean runs: %d seeds x %d steps x %d records%n", seeds, steps, prompts * generations);
        long t0 = System.nanoTime();
        Map<String, Integer> fired = FalseAlarms.count(seeds, steps, prompts, generations);
        fired.forEach((d, n) -> System.out.printf(Locale.ROOT, "  %-18s fired on %d of %d clean runs (%.0f %%)%n", d, n,
                seeds, 100.0 * n / seeds));
        System.out.printf(Locale.ROOT, "  (%.0f s)%n", (System.nanoTime() - t0) / 1e9);

        int plant = steps / 2;
        System.out.printf(Locale.ROOT, "planted at step %d, 5 seeds: lag = alarm step - plant step%n", plant);
        for (Hack hack : Hack.values()) {
            if (hack == Hack.NONE) {
                continue;
            }
            StringBuilder lags = new StringBuilder();
            for (long seed = 1; seed <= 5; seed++) {
                WatchReport r = new WatchReportBuilder().build(TrainingSimulator.series(new Config(seed, steps, prompts,
                        generations, hack, plant)), TrainingSimulator.baseline(), List.of(), List.of());
                String name = hack.name().toLowerCase(Locale.ROOT);
                String lag = r.alarms().stream().filter(a -> a.detector().equals(name)).findFirst()
                        .map(a -> Integer.toString(a.step() - plant)).orElse("none");
                long before = r.alarms().stream().filter(a -> a.step() < plant).count();
                lags.append(' ').append(lag).append(before > 0 ? "(+" + before + " before)" : "");
            }
            System.out.printf(Locale.ROOT, "  %-18s lag%s%n", hack.name().toLowerCase(Locale.ROOT), lags);
        }
        var ck = TrainingSimulator.checkpoints(1, steps, steps / 10, 60, plant);
        WatchReport r = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(1, 30, 8, 4)),
                TrainingSimulator.baseline(), ck.agreements(), ck.scores());
        System.out.printf(Locale.ROOT, "  %-18s alarm at step %s (checkpoints every %d steps, plant %d)%n",
                "expert_divergence", r.alarms().stream().filter(a -> a.detector().equals("expert_divergence"))
                        .findFirst().map(a -> Integer.toString(a.step())).orElse("none"), steps / 10, plant);

        RunSeries run = TrainingSimulator.series(new Config(1, steps, prompts, generations, Hack.VERBOSITY, plant));
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long s = System.nanoTime();
            new WatchReportBuilder().build(run, TrainingSimulator.baseline(), List.of(), List.of());
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double[] timed = java.util.Arrays.copyOfRange(ms, 2, ms.length);
        java.util.Arrays.sort(timed);
        System.out.printf(Locale.ROOT, "report of %d records (%d steps): median %.0f ms, min %.0f ms, max %.0f ms"
                + " (first, cold: %.0f ms)%n", run.records(), steps, timed[2], timed[0], timed[4], ms[0]);
    }
}
