package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.rubric.Dimension;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue #13: a judge score that is not a finite number (NaN, an infinity) is a broken judge answer,
 * charged to the service like any other unreadable answer: the reward is the configured neutral value
 * with {@code judge_error = 1} and {@code service_failure = 1}, never the floor 0.0 (which would
 * punish the policy for its grader's fault) and never the top.
 */
class NonFiniteJudgeScoreProperties {

    private static final ShippedRollouts.Rollout STRONG = ShippedRollouts.ofKind("strong").get(0);
    private static final List<Dimension> DIMENSIONS = CompositeRewardTest.RUBRIC.dimensions();

    @Property(tries = 200)
    void aNonFiniteDimensionScoreGivesTheNeutralReward(@ForAll("nonFinite") double bad,
                                                       @ForAll @IntRange(min = 0, max = 2) int badDimension,
                                                       @ForAll @IntRange(min = 1, max = 5) int others,
                                                       @ForAll @DoubleRange(min = 0.05, max = 0.95) double neutral) {
        Dimension target = DIMENSIONS.get(badDimension % DIMENSIONS.size());
        StubJudge judge = new StubJudge(CompositeRewardTest.RUBRIC, d -> d == target ? bad : others);
        RewardConfig config = RewardConfig.fromRubric(CompositeRewardTest.RUBRIC).withNeutralReward(neutral);

        RewardOutcome out = new CompositeReward(config, judge).score(STRONG.input(), STRONG.key());

        assertThat(out.reward()).as(out.detail()).isEqualTo(neutral);
        assertThat(out.judgeError()).isTrue();
        assertThat(out.serviceFailure()).isTrue();
        assertThat(out.predictionFailure()).isFalse();
        assertThat(out.floored()).isFalse();
        assertThat(out.detail()).contains("not a finite number");
    }

    @Property(tries = 60)
    void aNonFiniteAggregateGivesTheNeutralReward(@ForAll("nonFinite") double bad,
                                                  @ForAll @DoubleRange(min = 0.05, max = 0.95) double neutral) {
        assertThat(JudgeScoreAggregation.toReward(bad, neutral)).isEqualTo(neutral);
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L));
    }
}
