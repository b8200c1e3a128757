package dev.juror.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.juror.watch.Placement;
import dev.juror.watch.RunSeries;
import dev.juror.watch.StepRecords;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RecordsOnlyReportTest {

    @Test
    void summarisesEachStepAndRaisesNoAlarm() {
        StepRecords step = new StepRecords(7, new long[] {1, 2, 3, 4}, new double[] {0.2, 0.9, 0.5, 0.4},
                new int[] {100, 300, 200, 400}, new int[] {1, 3, 2, 6}, new boolean[] {false, false, true, false},
                new boolean[4], List.of(List.of(), List.of(), List.of(), List.of()), new String[] {"a", "b", "c", "d"},
                new String[4], new String[4], Map.of(), null);
        RunSeries series = new RunSeries("rft-1", Optional.empty(), Placement.TIMESTAMP, List.of(step), new TreeMap<>());

        WatchReport report = new RecordsOnlyReport().report(series);

        assertThat(report.run()).isEqualTo("rft-1");
        assertThat(report.placement()).isEqualTo(Placement.TIMESTAMP);
        assertThat(report.alarms()).isEmpty();
        assertThat(report.checkpoints()).isEmpty();
        assertThat(report.notes()).containsExactly(RecordsOnlyReport.NOTE);
        StepSummary s = report.steps().get(0);
        assertThat(s.step()).isEqualTo(7);
        assertThat(s.records()).isEqualTo(4);
        assertThat(s.rewardMean()).isCloseTo(0.5, within(1e-12));
        assertThat(s.rewardMin()).isEqualTo(0.2);
        assertThat(s.rewardMax()).isEqualTo(0.9);
        assertThat(s.lengthMean()).isEqualTo(250.0);
        assertThat(s.commentsMean()).isEqualTo(3.0);
        assertThat(s.fallbackRate()).isEqualTo(0.25);
        assertThat(s.scoreShift()).isNaN();
    }
}
