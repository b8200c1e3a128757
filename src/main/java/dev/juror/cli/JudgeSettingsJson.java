package dev.juror.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Provider settings of a judge run, stored with the run so {@code --resume} reconnects the same
 * way. Never holds a credential: only a profile name and the NAME of the API-key variable.
 */
record JudgeSettingsJson(Optional<String> region, Optional<String> profile, Optional<String> endpoint,
                         Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Integer> concurrency) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        region.ifPresent(v -> node.put("region", v));
        profile.ifPresent(v -> node.put("profile", v));
        endpoint.ifPresent(v -> node.put("endpoint", v));
        baseUrl.ifPresent(v -> node.put("base_url", v));
        apiKeyEnv.ifPresent(v -> node.put("api_key_env", v));
        concurrency.ifPresent(v -> node.put("concurrency", v));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JudgeSettingsJson parse(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return new JudgeSettingsJson(text(node, "region"), text(node, "profile"), text(node, "endpoint"),
                    text(node, "base_url"), text(node, "api_key_env"),
                    node.has("concurrency") ? Optional.of(node.get("concurrency").asInt()) : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new UserInputException("the stored settings of this run are not readable JSON: " + e.getOriginalMessage());
        }
    }

    /** These settings, with every value given on the command line taking precedence. */
    JudgeSettingsJson overriddenBy(JudgeSettingsJson given) {
        return new JudgeSettingsJson(given.region.or(() -> region), given.profile.or(() -> profile),
                given.endpoint.or(() -> endpoint), given.baseUrl.or(() -> baseUrl), given.apiKeyEnv.or(() -> apiKeyEnv),
                given.concurrency.or(() -> concurrency));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
