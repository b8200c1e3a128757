package dev.juror.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code id} each result carries (contract §1.3: "same id as input sample"). A sample that has
 * an {@code id} key gets it back exactly as received, whatever its JSON type: string (also
 * {@code ""}), number, boolean, {@code null}, object or array. Only a sample without the key (a raw
 * training row from the Forge SDK's validation, or a sample that is not an object) gets a
 * synthesized id, because the result must carry one (contract §1.2 rule 5, and the Forge SDK's
 * validator rejects a result without {@code id}): {@code sample-<index>} (0-based), or, when a
 * sample of the same event already uses that text as its id, {@code sample-<index>~2},
 * {@code ~3}, ... so a synthesized id never collides with a real one.
 */
final class SampleIds {

    private SampleIds() {
    }

    /** One id per sample, in order. */
    static List<JsonNode> of(List<JsonNode> samples) {
        Set<String> taken = new HashSet<>();
        for (JsonNode sample : samples) {
            JsonNode id = given(sample);
            if (id != null && id.isTextual()) {
                taken.add(id.asText());
            }
        }
        List<JsonNode> ids = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            JsonNode id = given(samples.get(i));
            if (id == null) {
                String name = "sample-" + i;
                for (int n = 2; taken.contains(name); n++) {
                    name = "sample-" + i + "~" + n;
                }
                taken.add(name);
                id = JsonNodeFactory.instance.textNode(name);
            }
            ids.add(id);
        }
        return ids;
    }

    /** The sample's {@code id} as received (a {@code NullNode} for {@code "id": null}); null when absent. */
    private static JsonNode given(JsonNode sample) {
        return sample != null && sample.isObject() ? sample.get("id") : null;
    }

    /** A short text naming the sample in logs and judge-call keys (not the id that is echoed). */
    static String key(JsonNode id, int index) {
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        if (id.isNumber() || id.isBoolean()) {
            return id.asText();
        }
        return "sample-" + index;
    }
}
