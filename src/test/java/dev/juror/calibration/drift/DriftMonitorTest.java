package dev.juror.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.juror.calibration.JudgeRun;
import dev.juror.calibration.JudgeScore;
import dev.juror.calibration.rating.Rating;
import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.stats.ScoreRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two runs a day apart on 100 anchor items. The baseline run's histogram is [10,20,40,20,10] (and the
 * humans agree with it exactly); the second run moves items up so its histogram is [0,10,40,30,20]:
 * reference TV-19(b), PSI 0.869260699293 (major). Baseline mean 3.0, SD sqrt(120/99); the second
 * window's mean is 3.6, z = 0.6 / (sd / 10) = 5.45: CUSUM with k = 0.5, h = 4 alarms on it.
 */
class DriftMonitorTest {

    static final ScoreRange S5 = new ScoreRange(1, 5);

    @Test
    void shiftedRunRaisesPsiCusumAndKappaDropAlarms() {
        List<JudgeScore> base = new ArrayList<>();
        List<JudgeScore> moved = new ArrayList<>();
        List<Rating> humans = new ArrayList<>();
        int[][] groups = {{10, 1, 2}, {20, 2, 3}, {20, 3, 3}, {20, 3, 4}, {10, 4, 4}, {10, 4, 5}, {10, 5, 5}};
        int item = 0;
        for (int[] g : groups) {
            for (int i = 0; i < g[0]; i++) {
                String key = "s/0/" + item++;
                base.add(new JudgeScore(key, "D", 0, g[1]));
                moved.add(new JudgeScore(key, "D", 0, g[2]));
                humans.add(new Rating(key, "D", "h", g[1]));
            }
        }
        JudgeRun r1 = new JudgeRun("r1", "v1", "m", Instant.parse("2026-11-01T10:00:00Z"), base);
        JudgeRun r2 = new JudgeRun("r2", "v2", "m", Instant.parse("2026-11-02T10:00:00Z"), moved);
        DriftReport d = new DriftMonitor(S5, BootstrapConfig.defaults(5).withResamples(400), DriftSettings.defaults())
                .analyse(List.of(r2, r1), humans, List.of("D"), null);

        assertThat(d.baseline()).isEqualTo("r1");
        assertThat(d.anchorItems()).isEqualTo(100);
        assertThat(d.windows()).hasSize(2);
        assertThat(d.windows().get(1).psi().value()).isCloseTo(0.869260699293, within(1e-9));
        assertThat(d.windows().get(1).band()).isEqualTo(Psi.Band.MAJOR);
        double sd0 = Math.sqrt(120.0 / 99);
        assertThat(d.windows().get(1).cusumZ().value()).isCloseTo(0.6 / (sd0 / 10), within(1e-9));
        assertThat(d.windows().get(1).cusumAlarm()).isTrue();
        assertThat(d.windows().get(0).cusumAlarm()).isFalse();

        DriftReport.RunPoint second = d.dimensions().get(0).runs().get(1);
        assertThat(second.kappaQuadratic().estimate().value()).isLessThan(1);
        assertThat(d.dimensions().get(0).runs().get(0).kappaQuadratic().estimate().value()).isEqualTo(1.0);
        assertThat(second.difference().ci()).isInstanceOf(Interval.Bounds.class);
        assertThat(((Interval.Bounds) second.difference().ci()).high()).isLessThan(0);
        assertThat(d.dimensions().get(0).versions()).extracting(DriftReport.VersionPoint::rubricVersion)
                .containsExactly("v1", "v2");

        assertThat(d.alerts()).extracting(DriftAlert::kind).contains("psi", "cusum", "kappa_drop");
        assertThat(d.alerts()).allMatch(a -> a.severity() == DriftAlert.Severity.ALARM || a.kind().equals("kappa_floor"));
    }

    @Test
    void identicalRunsRaiseNoAlert() {
        List<JudgeScore> scores = new ArrayList<>();
        List<Rating> humans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            scores.add(new JudgeScore("k" + i, "D", 0, 1 + i % 5));
            humans.add(new Rating("k" + i, "D", "h", 1 + i % 5));
        }
        JudgeRun a = new JudgeRun("a", "v", "m", Instant.parse("2026-11-01T00:00:00Z"), scores);
        JudgeRun b = new JudgeRun("b", "v", "m", Instant.parse("2026-11-03T00:00:00Z"), scores);
        DriftReport d = new DriftMonitor(S5, BootstrapConfig.defaults(5).withResamples(200), DriftSettings.defaults())
                .analyse(List.of(a, b), humans, List.of("D"), "a");
        assertThat(d.alerts()).isEmpty();
        assertThat(d.windows().get(1).psi().value()).isZero();
    }

    @Test
    void constantBaselineLeavesCusumUndefinedWithAReason() {
        List<JudgeScore> scores = List.of(new JudgeScore("k", "D", 0, 3), new JudgeScore("l", "D", 0, 3));
        JudgeRun a = new JudgeRun("a", "v", "m", Instant.EPOCH, scores);
        DriftReport d = new DriftMonitor(S5, BootstrapConfig.defaults(5).withResamples(50), DriftSettings.defaults())
                .analyse(List.of(a), List.of(), List.of("D"), null);
        assertThat(d.windows().get(0).cusumZ()).isInstanceOf(Estimate.Undefined.class);
        assertThat(d.windows().get(0).cusumZ().toString()).contains("do not vary");
    }
}
