package dev.juror.calibration.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.juror.calibration.stats.BootstrapConfig;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.views.ModelComparison.RolloutOutcome;
import dev.juror.calibration.views.PairwiseCalibration.PairVerdict;
import dev.juror.calibration.views.PairwiseCalibration.SwappedVerdict;
import dev.juror.rubric.Preference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PairwiseAndModelsTest {

    static final BootstrapConfig CONFIG = BootstrapConfig.defaults(3).withResamples(200).withParallel(false);

    /** Reference vector TV-22: 8 swapped pairs. */
    @Test
    void positionConsistencyTv22() {
        Preference A = Preference.A;
        Preference B = Preference.B;
        Preference T = Preference.TIE;
        Preference[] aFirst = {A, A, B, A, T, B, A, A};
        Preference[] bFirst = {A, B, B, B, A, B, A, T};
        List<SwappedVerdict> v = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            v.add(new SwappedVerdict("p" + (i + 1), aFirst[i], bFirst[i]));
        }
        PairwiseCalibration.PositionConsistency pc = PairwiseCalibration.positionConsistency(v);
        assertThat(pc.consistency().value()).isEqualTo(0.5);
        assertThat(pc.balanced()).isEqualTo(Map.of("A", 2, "B", 2, "tie", 4));
        assertThat(pc.firstShownWins()).isEqualTo(2);
        assertThat(pc.firstShownShare().value()).isEqualTo(0.5);
        assertThat(pc.secondShownWins()).isZero();
    }

    @Test
    void noSwappedPairsIsUndefined() {
        assertThat(PairwiseCalibration.positionConsistency(List.of()).consistency()).isInstanceOf(Estimate.Undefined.class);
    }

    /*
     * Judge vs two humans on 3 pairs: p1 judge A, humans A, A; p2 judge B, humans B, tie; p3 judge tie, human A.
     * 5 verdict pairs, 3 equal -> exact 0.6.
     */
    @Test
    void agreementWithHumanPreferences() {
        Map<String, Preference> judge = Map.of("p1", Preference.A, "p2", Preference.B, "p3", Preference.TIE);
        List<PairVerdict> humans = List.of(new PairVerdict("p1", "h1", Preference.A), new PairVerdict("p1", "h2", Preference.A),
                new PairVerdict("p2", "h1", Preference.B), new PairVerdict("p2", "h2", Preference.TIE),
                new PairVerdict("p3", "h1", Preference.A), new PairVerdict("p9", "h1", Preference.A));
        Agreement a = PairwiseCalibration.agreementWithHumans(judge, humans, CONFIG);
        assertThat(a.items()).isEqualTo(3);
        assertThat(a.pairs()).isEqualTo(5);
        assertThat(a.stat("exact").estimate().value()).isCloseTo(0.6, within(1e-12));
    }

    /*
     * Model a: s1 rollouts with sample scores 4 and 2 (best comments 5 and 3), s2 one invalid rollout
     * without a score (counts as the scale minimum 1). Mean = (4 + 2 + 1) / 3; validity 2/3.
     * Best-of-2: s1 has 2 rollouts -> max(5, 3) = 5; s2 has 1 < k -> skipped. Model b: one rollout.
     */
    @Test
    void validityMeanAndBestOfK() {
        List<RolloutOutcome> o = List.of(
                new RolloutOutcome("s1/0", "s1", "a", true, OptionalDouble.of(4), OptionalDouble.of(5)),
                new RolloutOutcome("s1/1", "s1", "a", true, OptionalDouble.of(2), OptionalDouble.of(3)),
                new RolloutOutcome("s2/0", "s2", "a", false, OptionalDouble.empty(), OptionalDouble.empty()),
                new RolloutOutcome("s2/1", "s2", "b", true, OptionalDouble.of(3), OptionalDouble.of(3)));
        List<ModelComparison.ModelRow> rows = ModelComparison.compare(o, 1, 2, CONFIG);
        ModelComparison.ModelRow a = rows.get(0);
        assertThat(a.model()).isEqualTo("a");
        assertThat(a.validityRate().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.meanSampleScore().estimate().value()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(a.scored()).isEqualTo(2);
        assertThat(a.bestOfK().value()).isEqualTo(5);
        assertThat(a.bestOfKSamples()).isEqualTo(1);
        assertThat(rows.get(1).bestOfK()).isInstanceOf(Estimate.Undefined.class);
    }

    /* Values 1, 2, 3, k = 2: subsets {1,2} {1,3} {2,3} -> maxima 2, 3, 3 -> mean 8/3. k = 1 is the mean, k = n the max. */
    @Test
    void expectedBestOfKIsTheMeanMaximumOverSubsets() {
        assertThat(ModelComparison.expectedBestOf(new double[] {3, 1, 2}, 2)).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(ModelComparison.expectedBestOf(new double[] {3, 1, 2}, 1)).isCloseTo(2.0, within(1e-12));
        assertThat(ModelComparison.expectedBestOf(new double[] {3, 1, 2}, 3)).isCloseTo(3.0, within(1e-12));
    }
}
