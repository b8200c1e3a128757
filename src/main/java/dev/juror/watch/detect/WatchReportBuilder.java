package dev.juror.watch.detect;

import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Builds the {@link WatchReport} of a run: every step's {@link StepTally} (read once from its records,
 * or stored at import) made {@link StepFacts} against the baseline, a {@link StepSummary} per step,
 * then the nine detectors over the facts. Over a {@link RunSeries} in memory or over stored tallies
 * (the command line and the Training screen through {@code WatchReports}): the same detectors either way.
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

    /** The report of a run held in memory (tests, the simulator, benchmarks): every step tallied here. */
    public WatchReport build(RunSeries series, Baseline baseline, List<CheckpointAgreement> checkpoints,
                             List<CheckpointScores> scores) {
        List<StepTally> tallies = new ArrayList<>(series.steps().size());
        for (StepRecords s : series.steps()) {
            tallies.add(StepTally.of(s));
        }
        return build(series.run(), series.placement(), tallies, series.steps()::get, baseline, checkpoints, scores);
    }

    /**
     * The report from the steps' stored tallies (one per step with records, ascending); {@code records}
     * gives step index i's records, asked only for the steps an alarm names examples at.
     */
    public WatchReport build(String run, Placement placement, List<StepTally> tallies, IntFunction<StepRecords> records,
                             Baseline baseline, List<CheckpointAgreement> checkpoints, List<CheckpointScores> scores) {
        List<StepFacts> facts = new ArrayList<>(tallies.size());
        List<StepSummary> steps = new ArrayList<>(tallies.size());
        for (StepTally t : tallies) {
            StepFacts f = t.facts(baseline);
            facts.add(f);
            steps.add(summary(f, baseline));
        }
        DetectionInput in = new DetectionInput(records, facts, baseline, checkpoints, scores);
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
        return new WatchReport(run, placement, steps, ordered, alarms, notes);
    }

    static StepSummary summary(StepFacts f, Baseline baseline) {
        return new StepSummary(f.step(), f.n(), f.rewardMean(), f.n() == 0 ? Double.NaN : f.rewardMin(),
                f.n() == 0 ? Double.NaN : f.rewardMax(), f.n() == 0 ? Double.NaN : f.lengthSum() / f.n(),
                f.n() == 0 ? Double.NaN : f.commentsSum() / f.n(), f.n() == 0 ? Double.NaN : (double) f.fallback() / f.n(),
                Psi.largest(f.dimCounts(), baseline));
    }
}
