package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LengthCheckTest {

    private final LengthBand words = new LengthBand(LengthBand.Unit.WORDS, 2, 10, 100, 200);

    @Test
    void factorIsOneInsideTheBandAndRampsLinearlyOutside() {
        assertThat(words.factor(10)).isEqualTo(1.0);
        assertThat(words.factor(100)).isEqualTo(1.0);
        assertThat(words.factor(6)).isCloseTo(0.5, within(1e-12));
        assertThat(words.factor(2)).isEqualTo(0.0);
        assertThat(words.factor(150)).isCloseTo(0.5, within(1e-12));
        assertThat(words.factor(250)).isEqualTo(0.0);
    }

    @Test
    void checkReportsCountsAndFindings() {
        CheckResult result = new LengthCheck(words).check("Too   short\nreply");
        assertThat(result.metric("words", -1)).isEqualTo(3.0);
        assertThat(result.metric("chars", -1)).isEqualTo(17.0);
        assertThat(result.metric("length_factor", -1)).isCloseTo(0.125, within(1e-12));
        assertThat(result.findingsOf("length.too_short").get(0).evidence()).startsWith("3 words, band starts at 10");
        CheckResult chars = new LengthCheck(new LengthBand(LengthBand.Unit.CHARS, 0, 0, 5, 10)).check("ab😀cdefg");
        assertThat(chars.metric("chars", -1)).isEqualTo(8.0);
        assertThat(chars.hasRule("length.too_long")).isTrue();
        assertThat(chars.hasRule("length.over_limit")).as("8 chars is inside the hard maximum 10").isFalse();
    }

    @Test
    void beyondTheHardMaximumIsOverTheLimit() {
        CheckResult over = new LengthCheck(new LengthBand(LengthBand.Unit.CHARS, 0, 0, 5, 10)).check("abcdefghijk");
        assertThat(over.hasRule("length.too_long")).isTrue();
        assertThat(over.findingsOf("length.over_limit").get(0).evidence()).isEqualTo("11 characters, the limit is 10");
        assertThat(Rules.OVER_LIMIT.defaultAction()).isEqualTo(RuleAction.FLOOR);
        assertThat(Rules.TOO_MANY_COMMENTS.defaultAction()).isEqualTo(RuleAction.FLOOR);
        CheckResult atLimit = new LengthCheck(new LengthBand(LengthBand.Unit.CHARS, 0, 0, 5, 10)).check("abcdefghij");
        assertThat(atLimit.hasRule("length.over_limit")).isFalse();
        assertThat(new CommentCountCheck(3).check(3).clean()).isTrue();
        assertThat(new CommentCountCheck(3).check(4).hasRule("length.too_many_comments")).isTrue();
    }

    @Test
    void repetitionIsFlagged() {
        String comment = "The cap of liability is too low compared with the playbook and should be raised. ";
        CheckResult repeated = new LengthCheck(new LengthBand(LengthBand.Unit.WORDS, 0, 0, 100_000, 200_000))
                .check(comment.repeat(128));
        assertThat(repeated.hasRule("length.repetitive")).isTrue();
        assertThat(repeated.metric("distinct_shingle_ratio", -1)).isLessThan(0.2);
        CheckResult once = new LengthCheck(words).check(comment);
        assertThat(once.metric("distinct_shingle_ratio", -1)).isEqualTo(1.0);
    }

    @Test
    void invalidBandsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> new LengthBand(LengthBand.Unit.CHARS, 5, 3, 10, 20))
                .hasMessageContaining("0 <= hardMin <= min <= max <= hardMax, got 5, 3, 10, 20");
    }
}
