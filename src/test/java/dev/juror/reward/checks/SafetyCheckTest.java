package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SafetyCheckTest {

    private final SafetyCheck check = new SafetyCheck();

    @Test
    void reportsTheListVersion() {
        assertThat(check.check("fine").metric("safety_rules_version", -1)).isEqualTo(1.0);
        assertThat(SafetyRules.loadDefault().version()).isEqualTo(1);
    }

    @Test
    void cardNumbersMustPassLuhn() {
        CheckResult valid = check.check("Pay with card 4111 1111 1111 1111 before Friday.");
        assertThat(valid.hasRule("safety.card_number")).isTrue();
        assertThat(valid.findings().get(0).evidence()).doesNotContain("4111 1111 1111 1111");
        assertThat(check.check("Invoice 4111 1111 1111 1112 is overdue.").hasRule("safety.card_number")).isFalse();
        assertThat(check.check("Registration no. 0000 0000 0000 0000.").clean()).isTrue();
    }

    @Test
    void ssnsMustHaveAValidShape() {
        assertThat(check.check("SSN 123-45-6789 on file").hasRule("safety.us_ssn")).isTrue();
        assertThat(check.check("SSN 666-45-6789 on file").hasRule("safety.us_ssn")).isFalse();
        assertThat(check.check("SSN 123-00-6789 on file").hasRule("safety.us_ssn")).isFalse();
        assertThat(check.check("Clause 123-45-6789-1").hasRule("safety.us_ssn")).isFalse();
    }

    @Test
    void credentialsAreFound() {
        assertThat(check.check("key AKIAIOSFODNN7EXAMPLE").hasRule("safety.aws_access_key")).isTrue();
        assertThat(check.check("-----BEGIN RSA PRIVATE KEY-----\nMIIE").hasRule("safety.private_key")).isTrue();
        assertThat(check.check("token ghp_" + "a".repeat(36)).hasRule("safety.api_token")).isTrue();
    }

    @Test
    void slursAreMatchedThroughObfuscationButNotInsideOtherWords() {
        assertThat(check.check("You f\u0430gg0t").hasRule("safety.slur")).isTrue();
        assertThat(check.check("The parties shall not disparage each other.").clean()).isTrue();
    }

    @Test
    void firstPersonThreatsAreFoundButContractLanguageIsNot() {
        assertThat(check.check("Sign it or I will hurt you.").hasRule("safety.threat")).isTrue();
        assertThat(check.check("The Supplier will not harm the Customer's systems and shall indemnify it.").clean())
                .isTrue();
    }

    @Test
    void benignCorpusIsClean() {
        for (Corpus.Item item : Corpus.benign()) {
            assertThat(check.check(item.text()).findings()).as(item.id()).isEmpty();
        }
    }

    @Test
    void malformedListsNameTheLine() {
        assertThatThrownBy(() -> SafetyRules.parse("rules.txt", new StringReader("# c\nsafety.slur term x\n")))
                .hasMessage("rules.txt line 2: the first non-comment line must be 'version: <n>', got 'safety.slur term x'");
        assertThatThrownBy(() -> SafetyRules.parse("rules.txt", new StringReader("version: 2\nsafety.nope term x\n")))
                .hasMessageStartingWith("rules.txt line 2: unknown safety rule 'safety.nope'");
        assertThatThrownBy(() -> SafetyRules.parse("rules.txt", new StringReader("version: 2\nsafety.threat regex (\n")))
                .hasMessageStartingWith("rules.txt line 2: invalid regex");
        SafetyRules custom = SafetyRules.parse("rules.txt", new StringReader("version: 7\nsafety.threat regex \\bboom\\b\n"));
        assertThat(new SafetyCheck(custom).check("Boom.").metric("safety_rules_version", -1)).isEqualTo(7.0);
    }
}
