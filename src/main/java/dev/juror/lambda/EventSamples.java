package dev.juror.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the samples in a reward event (contract §1.2 rule 1): a JSON array of samples; a single
 * sample object; an object with a {@code batch} array; or an object with a {@code body} that is a
 * JSON string (or already an array/object) holding any of these.
 */
final class EventSamples {

    /** The samples, or why the event holds none that can be recognised. */
    record Parsed(List<JsonNode> samples, String error) {
        static Parsed of(List<JsonNode> samples) {
            return new Parsed(List.copyOf(samples), null);
        }

        static Parsed failed(String error) {
            return new Parsed(List.of(), error);
        }

        boolean ok() {
            return error == null;
        }
    }

    private EventSamples() {
    }

    static Parsed parse(ObjectMapper json, byte[] event) {
        JsonNode root;
        try {
            root = json.readTree(event);
        } catch (JsonProcessingException e) {
            return Parsed.failed("the event is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return Parsed.failed("the event cannot be read: " + e.getMessage());
        }
        return unwrap(json, root, 0);
    }

    private static Parsed unwrap(ObjectMapper json, JsonNode root, int depth) {
        if (root == null || root.isMissingNode()) {
            return Parsed.failed("the event is empty; expected a JSON array of samples");
        }
        if (depth > 3) {
            return Parsed.failed("the event nests \"body\"/\"batch\" more than 3 levels deep");
        }
        if (root.isArray()) {
            List<JsonNode> samples = new ArrayList<>();
            root.forEach(samples::add);
            return Parsed.of(samples);
        }
        if (root.isObject()) {
            if (root.has("messages")) {
                return Parsed.of(List.of(root));
            }
            JsonNode batch = root.get("batch");
            if (batch != null && (batch.isArray() || batch.isObject())) {
                return unwrap(json, batch, depth + 1);
            }
            JsonNode body = root.get("body");
            if (body != null && body.isTextual()) {
                try {
                    return unwrap(json, json.readTree(body.asText()), depth + 1);
                } catch (JsonProcessingException e) {
                    return Parsed.failed("the event's \"body\" is not valid JSON: " + e.getOriginalMessage());
                }
            }
            if (body != null && (body.isArray() || body.isObject())) {
                return unwrap(json, body, depth + 1);
            }
            // An object of unknown shape: one sample, which will be reported as invalid.
            return Parsed.of(List.of(root));
        }
        return Parsed.failed("the event is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + "; expected an array of samples, a sample object, {\"batch\": [...]} or {\"body\": \"[...]\"}");
    }
}
