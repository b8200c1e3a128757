package dev.juror.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@code prompt_sha256} groups the generations of one prompt and tells prompts apart. */
class PromptDigestTest {

    @Test
    void generationsOfOnePromptShareTheDigestAndOtherPromptsDoNot() {
        ObjectNode a = LambdaFixtures.sampleA("1", LambdaFixtures.goodPrediction());
        ObjectNode b = LambdaFixtures.sampleA("2", "something else entirely");
        ObjectNode other = LambdaFixtures.sampleB("3", LambdaFixtures.goodPrediction());
        assertThat(PromptDigest.of(a)).hasSize(64).isEqualTo(PromptDigest.of(b)).isNotEqualTo(PromptDigest.of(other));
        ObjectNode edited = LambdaFixtures.sampleA("4", LambdaFixtures.goodPrediction());
        ((ObjectNode) edited.get("messages").get(1)).put("content", "Review this other contract.");
        assertThat(PromptDigest.of(edited)).isNotEqualTo(PromptDigest.of(a));
    }

    @Test
    void aTrainingRowWithoutAGenerationIsItsWholePromptAndNoMessagesIsEmpty() {
        ObjectNode a = LambdaFixtures.sampleA("1", LambdaFixtures.goodPrediction());
        ObjectNode row = a.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) row.get("messages")).remove(2);
        assertThat(PromptDigest.of(row)).isEqualTo(PromptDigest.of(a));
        assertThat(PromptDigest.of(LambdaFixtures.JSON.createObjectNode())).isEmpty();
    }
}
