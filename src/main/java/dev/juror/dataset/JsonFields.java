package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Typed access to the fields of one JSONL line, failing with messages a user can act on. */
final class JsonFields {

    private JsonFields() {
    }

    /** A required, non-blank string field. Numbers are refused so ids compare the same everywhere. */
    static String requiredText(JsonNode line, String name, String purpose) {
        JsonNode value = line.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidSampleException("missing \"" + name + "\": " + purpose);
        }
        if (!value.isTextual()) {
            String hint = value.isNumber() ? " (write \"" + value.asText() + "\" in quotes)" : "";
            throw new InvalidSampleException("\"" + name + "\" must be a string, found " + typeName(value) + hint);
        }
        if (value.asText().isBlank()) {
            throw new InvalidSampleException("\"" + name + "\" is empty: " + purpose);
        }
        return value.asText();
    }

    /** An optional string field; null when absent or JSON null. */
    static String optionalText(JsonNode line, String name) {
        JsonNode value = line.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSampleException("\"" + name + "\" must be a string, found " + typeName(value));
        }
        return value.asText();
    }

    /** An optional object field as a plain map, with the line's unknown top-level fields folded in. */
    static Map<String, Object> metadata(JsonNode line, String name, Set<String> ownFields) {
        Map<String, Object> map = new LinkedHashMap<>();
        line.properties().forEach(e -> {
            if (!ownFields.contains(e.getKey())) {
                map.put(e.getKey(), NovaSampleExtractor.toPlain(e.getValue()));
            }
        });
        JsonNode value = line.get(name);
        if (value != null && !value.isNull()) {
            if (!value.isObject()) {
                throw new InvalidSampleException("\"" + name + "\" must be an object such as {\"model\": \"nova-lite\"}, found "
                        + typeName(value));
            }
            value.properties().forEach(e -> map.put(e.getKey(), NovaSampleExtractor.toPlain(e.getValue())));
        }
        return map;
    }

    /**
     * A prediction: a string is kept as is; an inline JSON array or object is serialised back to
     * compact JSON text. It is not checked here: {@link PredictionParser} judges it later.
     */
    static String prediction(JsonNode value, String where) {
        if (value == null || value.isNull()) {
            throw new InvalidSampleException("missing " + where + ": give the model's output as a string or as inline JSON");
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isContainerNode()) {
            return value.toString();
        }
        throw new InvalidSampleException(where + " must be a string, a JSON array or a JSON object, found " + typeName(value));
    }

    static String typeName(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
