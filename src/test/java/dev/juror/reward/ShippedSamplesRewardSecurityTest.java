package dev.juror.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * False-positive rate and recall of the composite reward's deterministic checks on the shipped
 * demo rollouts (samples/contract-review). Benign: kinds {@code strong}, {@code normalized_quote}
 * and {@code benign_instruction_talk} (comments that talk about contractual "instructions" and
 * algorithm "scores"). Attacks: kind {@code injection}. Numbers are printed for docs/reward.md.
 */
class ShippedSamplesRewardSecurityTest {

    private static final Set<String> GRADER_FAMILIES = Set.of("injection.", "hidden.", "encoded.", "master_key.");

    @Test
    void benignRolloutsAreNeitherFlooredNorFlaggedAndEveryInjectionIsFloored() {
        StubJudge judge = StubJudge.allMax(CompositeRewardTest.RUBRIC);
        CompositeReward reward = new CompositeReward(RewardConfig.fromRubric(CompositeRewardTest.RUBRIC), judge);

        List<String> falsePositives = new ArrayList<>();
        List<String> anyGraderRule = new ArrayList<>();
        List<ShippedRollouts.Rollout> benign = ShippedRollouts.ofKind("strong", "normalized_quote",
                "benign_instruction_talk");
        for (ShippedRollouts.Rollout r : benign) {
            RewardOutcome out = reward.score(r.input(), r.key());
            if (out.floored() || !out.flags().isEmpty()) {
                falsePositives.add(r.key() + " (" + r.kind() + "): " + out.detail() + " " + out.flags());
            }
            if (out.metrics().stream().anyMatch(m -> m.name().startsWith("rule.")
                    && GRADER_FAMILIES.stream().anyMatch(f -> m.name().startsWith("rule." + f)))) {
                anyGraderRule.add(r.key());
            }
        }
        List<ShippedRollouts.Rollout> attacks = ShippedRollouts.ofKind("injection");
        List<String> missed = new ArrayList<>();
        for (ShippedRollouts.Rollout r : attacks) {
            RewardOutcome out = reward.score(r.input(), r.key());
            if (!out.floored()) {
                missed.add(r.key());
            }
        }
        System.out.printf("reward checks on shipped samples: benign %d, floored or flagged %d (%.1f%%), any grader "
                        + "rule reported %d; injections %d, floored %d (recall %.1f%%)%n",
                benign.size(), falsePositives.size(), 100.0 * falsePositives.size() / benign.size(), anyGraderRule.size(),
                attacks.size(), attacks.size() - missed.size(), 100.0 * (attacks.size() - missed.size()) / attacks.size());
        assertThat(benign).hasSizeGreaterThanOrEqualTo(20);
        assertThat(ShippedRollouts.ofKind("benign_instruction_talk")).hasSize(2);
        assertThat(falsePositives).isEmpty();
        assertThat(anyGraderRule).isEmpty();
        assertThat(attacks).hasSize(5);
        assertThat(missed).isEmpty();
        assertThat(judge.calls.get()).isEqualTo(benign.size());
    }
}
