package dev.juror.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final String WEIGHTED = TestRubrics.MINIMAL.replace(
            "    scale: 1-3\n    levels:\n      3: Fully", "    scale: 1-3\n    weight: 3\n    deal_breaker: true\n    levels:\n      3: Fully");

    @Test
    void commentScoreIsTheWeightedMean() throws Exception {
        Rubric r = TestRubrics.read(WEIGHTED);
        assertThat(r.commentScore(Map.of("Accuracy", 3.0, "Clarity", 1.0))).isCloseTo((3 * 3 + 1) / 4.0, within(1e-12));
        assertThat(TestRubrics.minimal().commentScore(Map.of("Accuracy", 3.0, "Clarity", 2.0))).isEqualTo(2.5);
    }

    @Test
    void failedDealBreakerFloorsTheCommentScoreOnlyWhenTheFloorIsOn() throws Exception {
        Map<String, Double> scores = Map.of("Accuracy", 1.0, "Clarity", 3.0);
        assertThat(TestRubrics.read(WEIGHTED).commentScore(scores)).isEqualTo(1.5);
        Rubric floored = TestRubrics.read(WEIGHTED + "aggregation:\n  deal_breaker_floor: true\n");
        assertThat(floored.commentScore(scores)).isEqualTo(1.0);
        assertThat(floored.commentScore(Map.of("Accuracy", 2.0, "Clarity", 3.0))).isEqualTo(2.25);
    }

    @Test
    void booleanDimensionsCountPassAsOneAndFailAsZero() throws Exception {
        Rubric r = TestRubrics.shipped("boolean-checklist.yaml");
        double pass = Scale.BooleanScale.valueOf("pass");
        double fail = Scale.BooleanScale.valueOf("FAIL");
        // Excerpt_Verbatim has weight 2 and is a deal-breaker with the floor on.
        assertThat(r.commentScore(Map.of("Excerpt_Verbatim", pass, "Issue_Valid", fail, "Reference_Supported", pass,
                "Action_Specific", fail))).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(r.commentScore(Map.of("Excerpt_Verbatim", fail, "Issue_Valid", pass, "Reference_Supported", pass,
                "Action_Specific", pass))).isZero();
        assertThat(r.normalise(0.6)).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void badScoresAreRefusedNotGuessed() throws Exception {
        Rubric r = TestRubrics.minimal();
        assertThatThrownBy(() -> r.commentScore(Map.of("Accuracy", 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Clarity");
        assertThatThrownBy(() -> r.commentScore(Map.of("Accuracy", 3.0, "Clarity", 4.0)))
                .hasMessageContaining("Clarity").hasMessageContaining("1-3");
        assertThatThrownBy(() -> r.commentScore(Map.of("Accuracy", 2.5, "Clarity", 2.0)))
                .hasMessageContaining("Accuracy");
        assertThatThrownBy(() -> r.commentScore(Map.of("Accuracy", Double.NaN, "Clarity", 2.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.commentScore(Map.of("Accuracy", 3.0, "Clarity", 2.0, "Tone", 1.0)))
                .hasMessageContaining("unknown dimension Tone");
        assertThatThrownBy(() -> Scale.BooleanScale.valueOf("maybe")).hasMessageContaining("pass or fail");
    }

    @Test
    void sampleScoreIsTheMeanOfCommentScores() throws Exception {
        Rubric r = TestRubrics.minimal();
        assertThat(r.sampleScore(List.of(1.0, 2.5, 3.0))).isCloseTo(6.5 / 3, within(1e-12));
        assertThatThrownBy(() -> r.sampleScore(List.of())).hasMessageContaining("no comment scores");
        assertThatThrownBy(() -> r.sampleScore(List.of(1.0, Double.NaN))).hasMessageContaining("not a number");
    }

    @Test
    void normalisationMapsTheScaleOntoZeroToOne() throws Exception {
        Rubric contract = TestRubrics.shipped("contract-review.yaml");
        assertThat(contract.normalise(1)).isZero();
        assertThat(contract.normalise(3)).isEqualTo(0.5);
        assertThat(contract.normalise(5)).isEqualTo(1.0);
        assertThat(contract.normalise(4.33)).isCloseTo(0.8325, within(1e-12));
        assertThat(new Scale.IntegerScale(0, 10).normalise(7)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void pairwiseWinnerIsAWeightedVoteWithDealBreakersDeciding() throws Exception {
        Rubric r = TestRubrics.shipped("pairwise-preference.yaml");
        // Coverage has weight 2; Grounding is a deal-breaker and the rule is on.
        assertThat(r.winner(Map.of("Grounding", Preference.TIE, "Coverage", Preference.B,
                "Justification", Preference.A, "Actionability", Preference.A))).isEqualTo(Preference.TIE);
        assertThat(r.winner(Map.of("Grounding", Preference.TIE, "Coverage", Preference.B,
                "Justification", Preference.A, "Actionability", Preference.TIE))).isEqualTo(Preference.B);
        assertThat(r.winner(Map.of("Grounding", Preference.A, "Coverage", Preference.B,
                "Justification", Preference.B, "Actionability", Preference.B))).isEqualTo(Preference.A);
        assertThatThrownBy(() -> r.winner(Map.of("Grounding", Preference.A))).hasMessageContaining("Coverage");
        assertThatThrownBy(() -> r.commentScore(Map.of())).hasMessageContaining("pairwise");
        assertThat(Preference.parse("tie")).isEqualTo(Preference.TIE);
        assertThat(Preference.B.valueForA()).isZero();
    }
}
