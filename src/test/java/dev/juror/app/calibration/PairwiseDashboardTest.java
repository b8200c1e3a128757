package dev.juror.app.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.views.PairwiseCalibration.PairVerdict;
import dev.juror.calibration.views.PairwiseCalibration.SwappedVerdict;
import dev.juror.calibration.views.PairwiseCalibration;
import dev.juror.calibration.views.PairwiseDimension;
import dev.juror.rubric.Preference;
import dev.juror.workspace.calibration.PairwiseWorkspaceCalibration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's pairwise summary names the agreement figures and the position consistency. */
class PairwiseDashboardTest {

    @Test
    void theSummaryGivesAgreementPerDimensionAndPositionConsistency() {
        BootstrapConfig config = BootstrapConfig.defaults(1).withResamples(100);
        Map<String, Preference> judge = Map.of("1-2", Preference.A, "3-4", Preference.B, "5-6", Preference.A);
        List<PairVerdict> humans = List.of(new PairVerdict("1-2", "ann", Preference.A),
                new PairVerdict("1-2", "bea", Preference.A), new PairVerdict("3-4", "ann", Preference.B),
                new PairVerdict("3-4", "bea", Preference.TIE), new PairVerdict("5-6", "ann", Preference.B));
        List<SwappedVerdict> swapped = List.of(new SwappedVerdict("1-2#0", Preference.A, Preference.A),
                new SwappedVerdict("3-4#0", Preference.A, Preference.B));
        PairwiseDimension grounding = PairwiseDimension.of("Grounding", judge, swapped, humans, config);
        var run = new PairwiseWorkspaceCalibration.RunReport("run-3", "v1", "m", 3,
                PairwiseCalibration.positionConsistency(swapped), List.of(grounding), List.of(), false);
        String text = PairwiseDashboard.summary(new PairwiseWorkspaceCalibration.Result("pairwise-preference", "v1", 5,
                List.of("ann", "bea"), List.of(run), List.of()));

        assertThat(text).contains("5 human preferences from ann, bea")
                .contains("run-3: position consistency 0.50 (1 of 2 pairs")
                .contains("Grounding: judge vs humans kappa")
                .contains("accuracy without ties 0.75 on 3 pairs")   // 3 of the 4 comparisons without a tie agree
                .contains("humans among themselves kappa");
    }
}
