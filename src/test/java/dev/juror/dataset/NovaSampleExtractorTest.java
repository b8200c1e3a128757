package dev.juror.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NovaSampleExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static NovaSample extract(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return NovaSampleExtractor.extract(node);
    }

    @Test
    void lambdaVariantAWithPlainStrings() throws Exception {
        NovaSample s = extract("{\"id\":\"123\",\"messages\":[{\"role\":\"user\",\"content\":\"Do you have a security team?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Yes.\"}],\"reference_answer\":{\"compliant\":\"No\"}}");
        assertThat(s.id()).isEqualTo("123");
        assertThat(s.idGenerated()).isFalse();
        assertThat(s.prediction()).isEqualTo("Yes.");
        assertThat(s.hasPrediction()).isTrue();
        assertThat(s.targetDocument()).isEqualTo("Do you have a security team?");
        assertThat(s.targetSource()).isEqualTo(NovaSample.PartSource.USER_MESSAGE);
        assertThat(s.noReference()).isTrue();
        assertThat(s.referenceAnswer()).isEqualTo("{\"compliant\":\"No\"}");
    }

    @Test
    void lambdaVariantBWithMetadata() throws Exception {
        NovaSample s = extract("{\"id\":\"123\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                + "{\"role\":\"assistant\",\"content\":\"a\"}],"
                + "\"metadata\":{\"reference_answer\":{\"compliant\":\"No\"},\"my_key\":\"sample-001\"}}");
        assertThat(s.referenceAnswer()).isEqualTo("{\"compliant\":\"No\"}");
        assertThat(s.customFields()).containsExactly(java.util.Map.entry("my_key", "sample-001"));
    }

    @Test
    void lambdaVariantDTypedBlocksAndNovaAssistant() throws Exception {
        NovaSample s = extract("{\"id\":\"sample-001\",\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Do you\"},{\"text\":\" have a team?\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"draft\"},"
                + "{\"role\":\"Nova_Assistant\",\"content\":[{\"type\":\"text\",\"text\":\"final\"},{\"type\":\"image\"}]}]}");
        assertThat(s.targetDocument()).isEqualTo("Do you have a team?");
        assertThat(s.prediction()).as("last assistant-like turn, role case-insensitive").isEqualTo("final");
    }

    @Test
    void variantEWithoutAssistantAndWithoutId() throws Exception {
        NovaSample s = extract("{\"messages\":[{\"role\":\"developer\",\"content\":\"sys\"},{\"role\":\"user\",\"content\":\"q\"}]}");
        assertThat(s.hasPrediction()).isFalse();
        assertThat(s.prediction()).isEmpty();
        assertThat(s.systemPrompt()).isEqualTo("sys");
        assertThat(s.idGenerated()).isTrue();
        assertThat(s.id()).isEqualTo(NovaSampleExtractor.generatedId("sys", "q", "", ""));
    }

    @Test
    void customFieldsWinOverTagsAndTagsOverTheWholeMessage() throws Exception {
        String user = "Review.\\n<TargetDocument>\\n tagged target \\n</TargetDocument><ReferenceDocument>tagged ref</ReferenceDocument>";
        NovaSample tags = extract("{\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}]}");
        assertThat(tags.targetDocument()).isEqualTo("tagged target");
        assertThat(tags.targetSource()).isEqualTo(NovaSample.PartSource.TAG);
        assertThat(tags.referenceDocument()).isEqualTo("tagged ref");
        assertThat(tags.referenceSource()).isEqualTo(NovaSample.PartSource.TAG);

        NovaSample fields = extract("{\"target_document\":\"field target\",\"metadata\":{\"reference_document\":\"field ref\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + user + "\"}]}");
        assertThat(fields.targetDocument()).isEqualTo("field target");
        assertThat(fields.targetSource()).isEqualTo(NovaSample.PartSource.FIELD);
        assertThat(fields.referenceDocument()).isEqualTo("field ref");
        assertThat(fields.customFields()).isEmpty();
    }

    @Test
    void usesTheLastUserMessage() throws Exception {
        NovaSample s = extract("{\"messages\":[{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"x\"},"
                + "{\"role\":\"user\",\"content\":\"second\"}]}");
        assertThat(s.targetDocument()).isEqualTo("second");
    }

    @Test
    void refusesMalformedMessages() {
        assertThatThrownBy(() -> extract("{\"messages\":[]}")).isInstanceOf(InvalidSampleException.class)
                .hasMessageContaining("\"messages\" must be a non-empty list");
        assertThatThrownBy(() -> extract("{\"messages\":[{\"content\":\"x\"}]}"))
                .hasMessage("messages[0].role must be a string such as \"user\"");
        assertThatThrownBy(() -> extract("{\"messages\":[{\"role\":\"user\",\"content\":5}]}"))
                .hasMessageContaining("messages[0].content must be a string or a list");
        assertThatThrownBy(() -> extract("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"target_document\":{\"path\":\"a\"}}"))
                .hasMessageContaining("\"target_document\" must be a string");
    }
}
