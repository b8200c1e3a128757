package dev.juror.testing.watch;

import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.DetectorNames;
import dev.juror.watch.detect.WatchReport;
import dev.juror.watch.detect.WatchReportBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Clean simulated runs, seeds 1..N, and how many of them each detector raised an alarm on. */
public final class FalseAlarms {

    private FalseAlarms() {
    }

    /** Detector name -> clean runs (of {@code seeds}) it fired on; expert_divergence gets clean checkpoints. */
    public static Map<String, Integer> count(int seeds, int steps, int prompts, int generations) {
        Map<String, Integer> fired = new LinkedHashMap<>();
        DetectorNames.ALL.forEach(d -> fired.put(d, 0));
        for (long seed = 1; seed <= seeds; seed++) {
            var checkpoints = TrainingSimulator.checkpoints(seed, steps, Math.max(1, steps / 10), 60, 0);
            WatchReport report = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(seed, steps, prompts,
                    generations)), TrainingSimulator.baseline(), checkpoints.agreements(), checkpoints.scores());
            for (Alarm a : report.alarms()) {
                fired.merge(a.detector(), 1, Integer::sum);
            }
        }
        return fired;
    }
}
