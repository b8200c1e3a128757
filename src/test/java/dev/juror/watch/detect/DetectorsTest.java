package dev.juror.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.testing.watch.TrainingSimulator;
import dev.juror.testing.watch.TrainingSimulator.Config;
import dev.juror.testing.watch.TrainingSimulator.Hack;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every detector fires within its documented lag of a hack planted at a known step and nothing fires
 * before it (docs/training-watch.md, "Detection lag").
 */
class DetectorsTest {

    static final int STEPS = 120;
    static final int PLANT = 60;
    static final int PROMPTS = 32;
    static final int GENERATIONS = 8;

    /** The documented lag bound per detector, in steps after the plant (docs/training-watch.md). */
    static final Map<Hack, Integer> LAG = Map.of(Hack.VERBOSITY, 15, Hack.COVERAGE_COLLAPSE, 15,
            Hack.REFERENCE_COPYING, 10, Hack.INJECTION, 10, Hack.SATURATION, 10, Hack.GROUP_COLLAPSE, 10,
            Hack.JUDGE_FAILURES, 10, Hack.SCORE_SHIFT, 10);

    static String detector(Hack hack) {
        return hack.name().toLowerCase(java.util.Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(value = Hack.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void eachDetectorFiresWithinItsLagOfThePlantAndNothingFiresBefore(Hack hack) {
        for (long seed = 1; seed <= 3; seed++) {
            WatchReport report = new WatchReportBuilder().build(TrainingSimulator.series(new Config(seed, STEPS, PROMPTS,
                    GENERATIONS, hack, PLANT)), TrainingSimulator.baseline(), List.of(), List.of());
            Optional<Alarm> alarm = report.alarms().stream().filter(a -> a.detector().equals(detector(hack))).findFirst();
            assertThat(alarm).as("seed %d: %s", seed, report.alarms()).isPresent();
            assertThat(alarm.get().step()).as("seed %d: %s", seed, alarm.get().evidence())
                    .isBetween(PLANT, PLANT + LAG.get(hack));
            assertThat(report.alarms()).as("seed %d: nothing before the plant", seed)
                    .allSatisfy(a -> assertThat(a.step()).isGreaterThanOrEqualTo(PLANT));
            assertThat(alarm.get().examples()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(alarm.get().evidence()).isNotBlank();
        }
    }

    @Test
    void excerptsQuotingTheReferenceAloneRaiseReferenceCopying() {
        dev.juror.watch.RunSeries series = TrainingSimulator.series(Config.clean(5, STEPS, PROMPTS, GENERATIONS));
        java.util.Random random = new java.util.Random(5);
        for (dev.juror.watch.StepRecords step : series.steps()) {
            if (step.step() >= PLANT) {
                double[] quoted = step.metric(StepFacts.EXCERPTS_IN_REFERENCE);
                for (int i = 0; i < quoted.length; i++) {
                    if (random.nextDouble() < 0.15) {
                        quoted[i] = 2;
                    }
                }
            }
        }
        WatchReport report = new WatchReportBuilder().build(series, TrainingSimulator.baseline(), List.of(), List.of());
        assertThat(report.alarms()).extracting(Alarm::detector).containsExactly(DetectorNames.REFERENCE_COPYING);
        assertThat(report.alarms().get(0).step()).isBetween(PLANT, PLANT + LAG.get(Hack.REFERENCE_COPYING));
    }

    @Test
    void aCleanRunRaisesNoAlarm() {
        WatchReport report = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(11, STEPS, PROMPTS,
                GENERATIONS)), TrainingSimulator.baseline(), List.of(), List.of());
        assertThat(report.alarms()).isEmpty();
        assertThat(report.steps()).hasSize(STEPS);
        assertThat(report.steps().get(0).scoreShift()).isLessThan(ScoreShiftDetector.PSI);
    }

    @Test
    void expertDivergenceFiresAtTheFirstCheckpointAfterThePlant() {
        var clean = TrainingSimulator.checkpoints(5, 500, 50, 60, 0);
        var cleanReport = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(5, 30, 8, 4)),
                TrainingSimulator.baseline(), clean.agreements(), clean.scores());
        assertThat(cleanReport.alarms()).filteredOn(a -> a.detector().equals(DetectorNames.EXPERT_DIVERGENCE)).isEmpty();
        var planted = TrainingSimulator.checkpoints(5, 500, 50, 60, 250);
        var report = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(5, 30, 8, 4)),
                TrainingSimulator.baseline(), planted.agreements(), planted.scores());
        Alarm alarm = report.alarms().stream().filter(a -> a.detector().equals(DetectorNames.EXPERT_DIVERGENCE))
                .findFirst().orElseThrow();
        assertThat(alarm.step()).isBetween(250, 300);
        assertThat(report.checkpoints()).hasSize(10);
    }

    @Test
    void tooLittleEvidenceIsSaidInTheNotesNotGuessed() {
        WatchReport report = new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(3, 8, 4, 2)),
                Baseline.none(), List.of(), List.of());
        assertThat(report.alarms()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).startsWith("verbosity: 8 steps with records; needs at"
                + " least 20")).anySatisfy(n -> assertThat(n).startsWith("score_shift: no score distribution"))
                .anySatisfy(n -> assertThat(n).startsWith("expert_divergence: no checkpoint"))
                .anySatisfy(n -> assertThat(n).startsWith("no baseline"));
        assertThat(report.steps().get(0).scoreShift()).isNaN();
        Baseline unvalidated = new Baseline(Optional.of("UNVALIDATED"), Map.of(), Map.of(), List.of());
        assertThat(new WatchReportBuilder().build(TrainingSimulator.series(Config.clean(3, 8, 4, 2)), unvalidated,
                List.of(), List.of()).notes()).contains("the bundle's verdict is UNVALIDATED: its agreement is what was"
                + " measured, not a validated level");
    }
}
