package dev.juror.align;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the model's answer to {@link ProposalPrompt}: one JSON object
 * {@code {"changes": [{"kind": ..., "dimension": ..., "level": ..., "text": ...}], "why": "..."}} (a Markdown
 * code fence around it is tolerated: this is a proposal, not a judge verdict). It gives a
 * {@link RubricChange}, or the reason it cannot, with the path of what is wrong.
 */
final class ProposalParser {

    /** The change, or why the answer is refused (then {@code change} is null). */
    record Parsed(RubricChange change, String rejection) {

        boolean ok() {
            return change != null;
        }
    }

    /** More edits than this is a rewrite, not a change whose effect can be read from the report. */
    static final int MAX_EDITS = 6;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> ANSWER_KEYS = Set.of("changes", "why");
    private static final Set<String> EDIT_KEYS = Set.of("kind", "dimension", "level", "text");

    private ProposalParser() {
    }

    static Parsed parse(String answer) {
        JsonNode root;
        try {
            root = JSON.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            return refused("the answer is not one JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return refused("the answer is not one JSON object");
        }
        String unknown = unknownKey(root, ANSWER_KEYS);
        if (unknown != null) {
            return refused(unknown + ": unknown key (expected changes and why)");
        }
        JsonNode changes = root.path("changes");
        if (!changes.isArray() || changes.isEmpty()) {
            return refused("changes: must be a non-empty list");
        }
        if (changes.size() > MAX_EDITS) {
            return refused("changes: " + changes.size() + " edits, at most " + MAX_EDITS);
        }
        List<RubricEdit> edits = new ArrayList<>();
        for (int j = 0; j < changes.size(); j++) {
            JsonNode e = changes.get(j);
            String at = "changes[" + j + "]";
            if (!e.isObject()) {
                return refused(at + ": must be an object");
            }
            String bad = unknownKey(e, EDIT_KEYS);
            if (bad != null) {
                return refused(at + "." + bad + ": unknown key");
            }
            RubricEdit.Kind kind = RubricEdit.Kind.of(e.path("kind").asText(""));
            if (kind == null) {
                return refused(at + ".kind: '" + e.path("kind").asText("") + "' is not one of"
                        + " level_description, mandatory_rule, edge_case");
            }
            if (!e.path("text").isTextual()) {
                return refused(at + ".text: must be text");
            }
            if (kind != RubricEdit.Kind.EDGE_CASE && !e.path("dimension").isTextual()) {
                return refused(at + ".dimension: is missing");
            }
            if (kind == RubricEdit.Kind.LEVEL_DESCRIPTION && !e.path("level").isValueNode()) {
                return refused(at + ".level: is missing");
            }
            edits.add(new RubricEdit(kind, e.path("dimension").asText(""), e.path("level").asText("").strip(),
                    e.get("text").asText()));
        }
        String why = root.path("why").isTextual() ? oneLine(root.get("why").asText()) : "";
        return new Parsed(new RubricChange(why, edits), "");
    }

    private static Parsed refused(String why) {
        return new Parsed(null, why);
    }

    private static String unknownKey(JsonNode node, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                return name;
            }
        }
        return null;
    }

    /** The text inside a single Markdown code fence, or the text itself. */
    static String unfenced(String answer) {
        String t = answer == null ? "" : answer.strip();
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int close = t.lastIndexOf("```");
            if (firstLine > 0 && close > firstLine) {
                return t.substring(firstLine + 1, close).strip();
            }
        }
        return t;
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
