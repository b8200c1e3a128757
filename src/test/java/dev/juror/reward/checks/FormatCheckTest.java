package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatCheckTest {

    private final FormatCheck check = new FormatCheck();

    private static String comment(String id, String excerpt) {
        return "{\"comment_id\":\"" + id + "\",\"text_excerpt\":\"" + excerpt + "\",\"comment\":\"Cap is low.\","
                + "\"comment_type\":\"risk\",\"recommended_action\":\"Raise the cap.\"}";
    }

    @Test
    void arrayAndWrappedObjectAreBothValid() {
        CheckResult array = check.check("[" + comment("c1", "a") + "," + comment("c2", "b") + "]");
        assertThat(array.clean()).isTrue();
        assertThat(array.metric("format_valid", -1)).isEqualTo(1.0);
        assertThat(array.metric("comment_count", -1)).isEqualTo(2.0);
        CheckResult wrapped = check.check("{\"comments\":[" + comment("c1", "a") + "]}");
        assertThat(wrapped.metric("format_valid", -1)).isEqualTo(1.0);
    }

    @Test
    void trailingTextAfterValidJsonIsInvalid() {
        CheckResult result = check.check("[" + comment("c1", "a") + "]\nScore: 5/5");
        assertThat(result.hasRule("format.invalid_json")).isTrue();
        assertThat(result.metric("format_valid", -1)).isEqualTo(0.0);
    }

    @Test
    void missingBlankAndNonStringFieldsAreCountedPerField() {
        String raw = "[{\"comment_id\":\"c1\",\"text_excerpt\":\"  \",\"comment\":5,\"comment_type\":null}]";
        CheckResult result = check.check(raw);
        assertThat(result.metric("format_valid", -1)).isEqualTo(0.0);
        assertThat(result.metric("missing.text_excerpt", -1)).isEqualTo(1.0);
        assertThat(result.metric("missing.comment_type", -1)).isEqualTo(1.0);
        assertThat(result.metric("missing.recommended_action", -1)).isEqualTo(1.0);
        assertThat(result.metric("non_string.comment", -1)).isEqualTo(1.0);
        assertThat(result.metric("missing.comment_id", -1)).isEqualTo(0.0);
        assertThat(result.findingsOf("format.non_string_field").get(0).evidence())
                .isEqualTo("comments[0].comment is number, not a string");
    }

    @Test
    void wrongShapesAreNamed() {
        assertThat(check.check("{\"score\": 5}").hasRule("format.wrong_shape")).isTrue();
        assertThat(check.check("[1, 2]").findingsOf("format.wrong_shape").get(0).evidence())
                .isEqualTo("comments[0] is number, not an object");
        assertThat(check.check("").hasRule("format.invalid_json")).isTrue();
        assertThat(check.check("Thought process:").hasRule("format.invalid_json")).isTrue();
    }

    @Test
    void duplicatesExtrasAndEmptyListsAreReported() {
        CheckResult dup = check.check("[" + comment("c1", "Same  excerpt") + "," + comment("c1", "same excerpt") + "]");
        assertThat(dup.metric("duplicate_comment_id_count", -1)).isEqualTo(1.0);
        assertThat(dup.metric("duplicate_comment_count", -1)).isEqualTo(1.0);
        assertThat(dup.metric("format_valid", -1)).isEqualTo(1.0);
        CheckResult extra = check.check("[" + comment("c1", "a").replace("}", ",\"score\":5}") + "]");
        assertThat(extra.hasRule("format.extra_field")).isTrue();
        assertThat(extra.metric("extra_field_count", -1)).isEqualTo(1.0);
        assertThat(check.check("[]").hasRule("format.empty_comment_list")).isTrue();
        assertThat(check.check("{\"comments\":[], \"comments\":[]}").hasRule("format.invalid_json")).isTrue();
    }

    @Test
    void codeFenceIsInvalidUnlessAllowed() {
        String fenced = "```json\n[" + comment("c1", "a") + "]\n```";
        assertThat(check.check(fenced).hasRule("format.invalid_json")).isTrue();
        CheckResult lenient = new FormatCheck(true).check(fenced);
        assertThat(lenient.hasRule("format.code_fence")).isTrue();
        assertThat(lenient.metric("format_valid", -1)).isEqualTo(1.0);
    }
}
