package dev.juror.judge.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Provider settings of a judge run, stored with the run as JSON so a resume reconnects the same
 * way. Never holds a credential: only a profile name and the NAME of the API-key variable.
 */
public record JudgeSettings(Optional<String> region, Optional<String> profile, Optional<String> endpoint,
                            Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Integer> concurrency) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final JudgeSettings NONE = new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public String toJson() {
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

    /**
     * @throws JudgeSetupException (setting {@code settings}) when the stored JSON is not readable
     */
    public static JudgeSettings parse(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return new JudgeSettings(text(node, "region"), text(node, "profile"), text(node, "endpoint"),
                    text(node, "base_url"), text(node, "api_key_env"),
                    node.has("concurrency") ? Optional.of(node.get("concurrency").asInt()) : Optional.empty());
        } catch (JsonProcessingException e) {
            throw new JudgeSetupException("settings", "of this run are not readable JSON: " + e.getOriginalMessage());
        }
    }

    /** These settings, with every value present in {@code given} taking precedence. */
    public JudgeSettings overriddenBy(JudgeSettings given) {
        return new JudgeSettings(given.region.or(() -> region), given.profile.or(() -> profile),
                given.endpoint.or(() -> endpoint), given.baseUrl.or(() -> baseUrl), given.apiKeyEnv.or(() -> apiKeyEnv),
                given.concurrency.or(() -> concurrency));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
