package dev.juror.judge.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.juror.judge.Secrets;
import java.util.Optional;

/**
 * Provider settings of a judge run, stored with the run as JSON so a resume reconnects the same
 * way. Never holds a credential: only a profile name and the NAME of the API-key variable
 * ({@link JudgeConnectionCheck} refuses anything else before a run is stored, and {@link #toJson()}
 * masks whatever still looks like a secret).
 *
 * @param allowInsecureHttp the user accepted sending credentials over plain HTTP to another host
 */
public record JudgeSettings(Optional<String> region, Optional<String> profile, Optional<String> endpoint,
                            Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Integer> concurrency,
                            boolean allowInsecureHttp) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final JudgeSettings NONE = new JudgeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** Settings without permission for plain HTTP to other hosts. */
    public JudgeSettings(Optional<String> region, Optional<String> profile, Optional<String> endpoint,
                         Optional<String> baseUrl, Optional<String> apiKeyEnv, Optional<Integer> concurrency) {
        this(region, profile, endpoint, baseUrl, apiKeyEnv, concurrency, false);
    }

    public JudgeSettings withAllowInsecureHttp(boolean allow) {
        return new JudgeSettings(region, profile, endpoint, baseUrl, apiKeyEnv, concurrency, allow);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        region.ifPresent(v -> node.put("region", Secrets.redact(v)));
        profile.ifPresent(v -> node.put("profile", Secrets.redact(v)));
        endpoint.ifPresent(v -> node.put("endpoint", Secrets.redact(v)));
        baseUrl.ifPresent(v -> node.put("base_url", Secrets.redact(v)));
        apiKeyEnv.ifPresent(v -> node.put("api_key_env", Secrets.redact(v)));
        concurrency.ifPresent(v -> node.put("concurrency", v));
        if (allowInsecureHttp) {
            node.put("allow_insecure_http", true);
        }
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
                    node.has("concurrency") ? Optional.of(node.get("concurrency").asInt()) : Optional.empty(),
                    node.path("allow_insecure_http").asBoolean(false));
        } catch (JsonProcessingException e) {
            throw new JudgeSetupException("settings", "of this run are not readable JSON: " + e.getOriginalMessage());
        }
    }

    /** These settings, with every value present in {@code given} taking precedence. */
    public JudgeSettings overriddenBy(JudgeSettings given) {
        return new JudgeSettings(given.region.or(() -> region), given.profile.or(() -> profile),
                given.endpoint.or(() -> endpoint), given.baseUrl.or(() -> baseUrl), given.apiKeyEnv.or(() -> apiKeyEnv),
                given.concurrency.or(() -> concurrency), given.allowInsecureHttp || allowInsecureHttp);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
