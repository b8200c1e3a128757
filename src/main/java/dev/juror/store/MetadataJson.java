package dev.juror.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * Metadata maps as stored JSON text. Keys are written sorted, so equal maps give equal text and
 * equal content hashes whatever order the import file used.
 */
final class MetadataJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private MetadataJson() {
    }

    static String write(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsString(metadata == null ? Map.of() : metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** The policy model named in rollout metadata ({@code model}), or null when absent or not text. */
    static String model(Map<String, Object> metadata) {
        Object model = metadata == null ? null : metadata.get("model");
        return model instanceof String text && !text.isBlank() ? text : null;
    }
}
