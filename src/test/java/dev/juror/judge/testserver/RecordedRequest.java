package dev.juror.judge.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A request the test server received. {@code modelId} is the percent-decoded path segment
 * (Converse route) or the {@code model} field (chat-completions route).
 */
public record RecordedRequest(String route, String modelId, String rawBody, Map<String, List<String>> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode body() {
        try {
            return JSON.readTree(rawBody);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
    }
}
