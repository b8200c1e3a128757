package dev.juror.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a contract-review prediction into comments.
 *
 * <p>Accepted shapes: a JSON array of comment objects, or an object with a {@code comments} array
 * (other keys of that object are ignored). Rules, each a decision of the output contract:
 * <ul>
 *   <li>Empty or blank text, text that is not JSON, trailing text after the JSON value, another
 *       top-level shape, a comment that is not an object, or a comment field of the wrong type
 *       (the five fields must be strings when present) are parse errors; no comments are kept.</li>
 *   <li>JSON wrapped in a Markdown code fence (```` ```json ... ``` ````) is a parse error too,
 *       because the contract asks for bare JSON; the comments inside are still returned so the
 *       review desk can show them.</li>
 *   <li>Missing fields become empty strings (checking required fields is the format check's job in
 *       the reward package); a missing {@code comment_id} is generated as {@code c<position>}.</li>
 *   <li>Comment ids must be unique within a prediction because labels are keyed by them: a repeated
 *       id is renamed {@code <id>-2}, {@code <id>-3}, ... and a warning says so.</li>
 * </ul>
 */
public final class PredictionParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Pattern FENCE = Pattern.compile("\\A```[\\w-]*[ \\t]*\\R(.*?)\\R?```\\z", Pattern.DOTALL);

    private static final String[] FIELDS = {"comment_id", "text_excerpt", "comment", "comment_type",
        "recommended_action"};

    private PredictionParser() {
    }

    public static Prediction parse(String raw) {
        String text = raw == null ? "" : raw;
        if (text.isBlank()) {
            return new Prediction(text, List.of(), "empty prediction");
        }
        Matcher fence = FENCE.matcher(text.strip());
        if (fence.matches()) {
            Prediction inner = parseJson(text, fence.group(1));
            String reason = "prediction is wrapped in a Markdown code fence; the output contract asks for bare JSON";
            return new Prediction(text, inner.comments(),
                    inner.isParsed() ? reason : reason + ", and inside it: " + inner.parseError(), inner.warnings());
        }
        return parseJson(text, text);
    }

    private static Prediction parseJson(String raw, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Prediction(raw, List.of(), "not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = root.get("comments");
        }
        if (list == null || !list.isArray()) {
            return new Prediction(raw, List.of(),
                    "expected a JSON array of comments or an object with a \"comments\" array");
        }
        List<Comment> comments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> usedIds = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                return new Prediction(raw, List.of(), "comments[" + i + "] is not an object");
            }
            for (String field : FIELDS) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull() && !value.isTextual()) {
                    return new Prediction(raw, List.of(), "comments[" + i + "]." + field
                            + " must be a string, found " + value.getNodeType().name().toLowerCase());
                }
            }
            String id = text(node, "comment_id");
            String unique = uniqueId(id.isEmpty() ? "c" + (i + 1) : id, usedIds);
            if (!id.isEmpty() && !unique.equals(id)) {
                warnings.add("comment_id \"" + id + "\" repeated at comments[" + i + "]; renamed \"" + unique + "\"");
            }
            comments.add(new Comment(unique, text(node, "text_excerpt"), text(node, "comment"),
                    text(node, "comment_type"), text(node, "recommended_action")));
        }
        if (comments.isEmpty()) {
            warnings.add("prediction has no comments");
        }
        return new Prediction(raw, comments, null, warnings);
    }

    private static String uniqueId(String wanted, Set<String> used) {
        String id = wanted;
        for (int n = 2; !used.add(id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
