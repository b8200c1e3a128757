package dev.juror.watch.detect;

import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the {@link WatchReport} of a run: every step read once into {@link StepFacts}, a
 * {@link StepSummary} per step, then the nine detectors over the facts. Plain Java over a
 * {@link RunSeries}: the command line, the Training screen and the benchmarks call the same.
 */
public final class WatchReportBuilder {

    private final List<Detector> detectors;

    public WatchReportBuilder() {
        this(all());
    }

    public WatchReportBuilder(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** The nine detectors, in {@link DetectorNames#ALL} order. */
    public static List<Detector> all() {
        return List.of(new VerbosityDetector(), new CoverageCollapseDetector(), new ReferenceCopyingDetector(),
                new InjectionDetector(), new SaturationDetector(), new GroupCollapseDetector(),
                new JudgeFailuresDetector(), new ScoreShiftDetector(), new ExpertDivergenceDetector());
    }

    public WatchReport build(RunSeries series, Baseline baseline, List<CheckpointAgreement> checkpoints,
                             List<CheckpointScores> scores) {
        List<StepFacts> facts = new ArrayList<>(series.steps().size());
        List<StepSummary> steps = new ArrayList<>(series.steps().size());
        for (StepRecords s : series.steps()) {
            StepFacts f = StepFacts.of(s, baseline);
            facts.add(f);
            steps.add(summary(f, baseline));
        }
        DetectionInput in = new DetectionInput(series, facts, baseline, checkpoints, scores);
        List<Alarm> alarms = new ArrayList<>();
        List<String> notes = new ArrayList<>(baseline.notes());
        baseline.verdict().filter(v -> !v.equals("VALIDATED")).ifPresent(v -> notes.add("the bundle's verdict is " + v
                + ": its agreement is what was measured, not a validated level"));
        for (Detector d : detectors) {
            Detection found = d.detect(in);
            found.alarm().ifPresent(alarms::add);
            notes.addAll(found.notes());
        }
        alarms.sort(Comparator.comparingInt(Alarm::step).thenComparingInt(a -> DetectorNames.ALL.indexOf(a.detector())));
        List<CheckpointAgreement> ordered = checkpoints.stream()
                .sorted(Comparator.comparingInt(CheckpointAgreement::step)).toList();
        return new WatchReport(series.run(), series.placement(), steps, ordered, alarms, notes);
    }

    static StepSummary summary(StepFacts f, Baseline baseline) {
        return new StepSummary(f.step(), f.n(), f.rewardMean(), f.n() == 0 ? Double.NaN : f.rewardMin(),
                f.n() == 0 ? Double.NaN : f.rewardMax(), f.n() == 0 ? Double.NaN : f.lengthSum() / f.n(),
                f.n() == 0 ? Double.NaN : f.commentsSum() / f.n(), f.n() == 0 ? Double.NaN : (double) f.fallback() / f.n(),
                Psi.largest(f.dimCounts(), baseline));
    }
}
