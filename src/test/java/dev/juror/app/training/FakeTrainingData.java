package dev.juror.app.training;

import dev.juror.watch.Placement;
import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.StepSummary;
import dev.juror.watch.detect.WatchReport;
import dev.juror.workspace.watch.CheckpointForReview;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Training screen's port answering from memory: one run, {@code rft-1}, of {@code steps} steps with
 * 12 records each (reward rising with the step), an alarm of each of two detectors, two checkpoints
 * with agreement on two dimensions, and checkpoint rollouts in the workspace.
 */
final class FakeTrainingData implements TrainingData {

    final List<TrainingRunChoice> runs = new ArrayList<>();
    final Map<String, WatchReport> reports = new HashMap<>();
    final List<CheckpointForReview> checkpoints = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** Runs while a report is read (a test cancels there). */
    Runnable whileReading = () -> { };

    static FakeTrainingData withOneRun(int steps) {
        FakeTrainingData data = new FakeTrainingData();
        data.runs.add(new TrainingRunChoice("rft-1", steps * 12L, OptionalInt.of(1), OptionalInt.of(steps), "record"));
        List<StepSummary> summaries = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            summaries.add(new StepSummary(s, 12, 0.4 + 0.001 * s, 0.1, 0.9, 800 + 2 * s, 4 - 0.004 * s,
                    s == 3 ? 0.25 : 0.0, Double.NaN));
        }
        List<CheckpointAgreement> agreement = List.of(
                new CheckpointAgreement("ckpt-100", 100, 40, Map.of("grounding", 0.71, "coverage", 0.66),
                        Map.of("grounding", 0.58, "coverage", 0.51), Map.of("grounding", 0.82, "coverage", 0.78),
                        0.62, 0.60),
                new CheckpointAgreement("ckpt-200", 200, 40, Map.of("grounding", 0.52, "coverage", 0.44),
                        Map.of("grounding", 0.37, "coverage", 0.29), Map.of("grounding", 0.66, "coverage", 0.6),
                        0.74, 0.58));
        List<Alarm> alarms = List.of(
                new Alarm("verbosity", 120, "reward rose 0.12 while the mean length rose 30 % over steps 80-120",
                        Map.of("rank_correlation", 0.58), List.of("s-7")),
                new Alarm("expert_divergence", 200, "kappa 0.44 on coverage, below the validated 0.60",
                        Map.of("kappa", 0.44), List.of()));
        data.reports.put("rft-1", new WatchReport("rft-1", Placement.RECORD, summaries, agreement, alarms,
                List.of("score_shift: the bundle's evidence has no score distribution.")));
        data.checkpoints.add(new CheckpointForReview("ckpt-100", OptionalInt.of(100), 64, "s-1", 0, List.of()));
        data.checkpoints.add(new CheckpointForReview("ckpt-200", OptionalInt.empty(), 64, "s-2", 1, List.of()));
        return data;
    }

    @Override
    public List<TrainingRunChoice> runs() {
        calls.add("runs");
        return List.copyOf(runs);
    }

    @Override
    public WatchReport report(String run) {
        calls.add("report " + run);
        whileReading.run();
        WatchReport report = reports.get(run);
        if (report == null) {
            throw new IllegalArgumentException("There is no training run " + run + " in this workspace.");
        }
        return report;
    }

    @Override
    public Optional<StepRecords> step(String run, int step) {
        calls.add("step " + run + " " + step);
        return reports.get(run).steps().stream().anyMatch(s -> s.step() == step)
                ? Optional.of(records(step, 12)) : Optional.empty();
    }

    @Override
    public List<CheckpointForReview> checkpoints(String run) {
        return List.copyOf(checkpoints);
    }

    /** {@code n} records: sample {@code s-i} has reward {@code i / n}; record 0 fell back; odd ones logged their text. */
    static StepRecords records(int step, int n) {
        long[] time = new long[n];
        double[] reward = new double[n];
        int[] chars = new int[n];
        int[] comments = new int[n];
        boolean[] fallback = new boolean[n];
        boolean[] judgeError = new boolean[n];
        List<List<String>> checks = new ArrayList<>();
        String[] sample = new String[n];
        String[] prompt = new String[n];
        String[] hash = new String[n];
        String[] prediction = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = 1_000L * i;
            reward[i] = (double) i / n;
            chars[i] = 500 + 10 * i;
            comments[i] = i % 5;
            fallback[i] = i == 0;
            checks.add(i == n - 1 ? List.of("quotes_reference", "injection") : List.of());
            sample[i] = "s-" + i;
            prompt[i] = "p" + (i / 4);
            hash[i] = "h" + i;
            prediction[i] = i % 2 == 1 ? "[{\"comment\": \"prediction " + i + "\"}]" : null;
        }
        return new StepRecords(step, time, reward, chars, comments, fallback, judgeError, checks, sample, prompt, hash,
                Map.of(), prediction);
    }
}
