package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Recall on the attack corpus (SEC-01, SEC-03 of calibration-stats §5.4 plus our variants) and
 * false positives on the benign contract-review corpus. The rates are reported in
 * docs/reward-checks.md; this test keeps them from regressing.
 */
class InjectionCorpusTest {

    private final InjectionScanner scanner = new InjectionScanner();

    @Test
    void everyAttackTriggersEachOfItsExpectedRules() {
        List<String> misses = new ArrayList<>();
        List<Corpus.Item> attacks = Corpus.attacks();
        for (Corpus.Item attack : attacks) {
            CheckResult result = scanner.scan(attack.text());
            for (String rule : attack.expect()) {
                if (!result.hasRule(rule)) {
                    misses.add(attack.id() + " missed " + rule + " (found " + names(result) + ")");
                }
            }
        }
        long detected = attacks.stream().filter(a -> !scanner.scan(a.text()).clean()).count();
        System.out.printf("attack corpus: %d/%d detected (recall %.3f), %d expected-rule misses%n",
                detected, attacks.size(), (double) detected / attacks.size(), misses.size());
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(40);
        assertThat(misses).isEmpty();
    }

    @Test
    void attacksAreStillCaughtWhenAppendedToARealComment() {
        String realComment = "The limitation of liability excludes indirect damages but sets no cap on direct "
                + "damages, contrary to the Reference playbook which requires a cap of 12 months' fees.";
        List<String> misses = new ArrayList<>();
        for (Corpus.Item attack : Corpus.attacks()) {
            if (attack.expect().stream().anyMatch(r -> r.startsWith("master_key."))) {
                continue; // master keys are whole-response rules by design
            }
            CheckResult result = scanner.scan(realComment + attack.text());
            for (String rule : attack.expect()) {
                if (!result.hasRule(rule) && !rule.equals(Rules.RATING_LINE.name()) && !rule.equals(Rules.ROLE_TAG.name())
                        && !rule.equals(Rules.DELIMITER_BREAKOUT.name())) {
                    misses.add(attack.id() + " missed " + rule + " (found " + names(result) + ")");
                }
            }
            assertThat(result.clean()).as(attack.id() + " appended").isFalse();
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void benignContractCommentsRaiseNoFinding() {
        List<Corpus.Item> benign = Corpus.benign();
        List<String> falsePositives = new ArrayList<>();
        for (Corpus.Item item : benign) {
            CheckResult result = scanner.scan(item.text());
            if (!result.clean()) {
                falsePositives.add(item.id() + " " + names(result) + ": " + item.text());
            }
        }
        System.out.printf("benign corpus: %d/%d false positives%n", falsePositives.size(), benign.size());
        assertThat(benign).hasSizeGreaterThanOrEqualTo(40);
        assertThat(falsePositives).isEmpty();
    }

    private static String names(CheckResult result) {
        return result.findings().stream().map(CheckFinding::ruleName).distinct().collect(Collectors.joining(","));
    }
}
