package dev.juror.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a contract-review prediction into comments. Accepted shapes: a JSON array of comment
 * objects, or an object with a {@code comments} array. Anything else is kept as raw text with a
 * parse error, because a malformed prediction is exactly what the format check must punish.
 * Missing comment ids are generated as {@code c1, c2, ...} by position.
 */
public final class PredictionParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictionParser() {
    }

    public static Prediction parse(String raw) {
        String text = raw == null ? "" : raw;
        if (text.isBlank()) {
            return new Prediction(text, List.of(), "empty prediction");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Prediction(text, List.of(), "not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = root.get("comments");
        }
        if (list == null || !list.isArray()) {
            return new Prediction(text, List.of(),
                    "expected a JSON array of comments or an object with a \"comments\" array");
        }
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                return new Prediction(text, List.of(), "comments[" + i + "] is not an object");
            }
            String id = text(node, "comment_id");
            comments.add(new Comment(id.isEmpty() ? "c" + (i + 1) : id, text(node, "text_excerpt"),
                    text(node, "comment"), text(node, "comment_type"), text(node, "recommended_action")));
        }
        return new Prediction(text, comments, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
