package dev.juror.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.dataset.ContentHash;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code juror.prompt_sha256}: SHA-256 of a sample's prompt messages, i.e. every message of
 * {@code messages} but the last {@code assistant} / {@code nova_assistant} one (the generation being
 * scored), so the generations of one prompt in a training step share it. Each message contributes
 * its role and its content (a string as is, any other content as its JSON text), length-prefixed
 * ({@link ContentHash#ofParts}). Reference answers and metadata are not part of the prompt.
 */
final class PromptDigest {

    private PromptDigest() {
    }

    /** The digest, or empty text when the sample has no {@code messages} array. */
    static String of(JsonNode sample) {
        JsonNode messages = sample == null ? null : sample.get("messages");
        if (messages == null || !messages.isArray()) {
            return "";
        }
        int generation = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            String role = messages.get(i).path("role").asText("");
            if (role.equals("assistant") || role.equals("nova_assistant")) {
                generation = i;
                break;
            }
        }
        List<String> parts = new ArrayList<>(messages.size() * 2);
        for (int i = 0; i < messages.size(); i++) {
            if (i == generation) {
                continue;
            }
            JsonNode message = messages.get(i);
            JsonNode content = message.path("content");
            parts.add(message.path("role").asText(""));
            parts.add(content.isTextual() ? content.asText() : content.toString());
        }
        return ContentHash.ofParts(parts.toArray(String[]::new));
    }
}
