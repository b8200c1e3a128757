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
 * Reads the model's answer to {@link ProposalPrompt}: one JSON object {@code {"proposals": [...]}}
 * (a Markdown code fence around it is tolerated: this is a proposal, not a judge verdict). Each proposal
 * either parses into a {@link RubricChange} or is rejected with the path of what is wrong.
 */
final class ProposalParser {

    /** A proposal as read: the change, or why it cannot be one. */
    record Parsed(int index, RubricChange change, String rejection) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> PROPOSAL_KEYS = Set.of("description", "edits");
    private static final Set<String> EDIT_KEYS = Set.of("kind", "dimension", "level", "text");

    private ProposalParser() {
    }

    /** The proposals; throws {@link IllegalArgumentException} when the answer as a whole is unreadable. */
    static List<Parsed> parse(String answer, int maxProposals) {
        JsonNode root;
        try {
            root = JSON.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not one JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("proposals").isArray()) {
            throw new IllegalArgumentException("the answer has no \"proposals\" list");
        }
        List<Parsed> out = new ArrayList<>();
        JsonNode proposals = root.get("proposals");
        for (int i = 0; i < Math.min(proposals.size(), maxProposals); i++) {
            out.add(proposal(i, proposals.get(i)));
        }
        return out;
    }

    private static Parsed proposal(int i, JsonNode p) {
        String path = "proposals[" + i + "]";
        if (!p.isObject()) {
            return new Parsed(i, null, path + ": must be an object");
        }
        String unknown = unknownKey(p, PROPOSAL_KEYS);
        if (unknown != null) {
            return new Parsed(i, null, path + "." + unknown + ": unknown key");
        }
        String description = p.path("description").isTextual() ? oneLine(p.get("description").asText()) : "";
        if (!p.path("edits").isArray() || p.get("edits").isEmpty()) {
            return new Parsed(i, null, path + ".edits: must be a non-empty list");
        }
        List<RubricEdit> edits = new ArrayList<>();
        for (int j = 0; j < p.get("edits").size(); j++) {
            JsonNode e = p.get("edits").get(j);
            String at = path + ".edits[" + j + "]";
            if (!e.isObject()) {
                return new Parsed(i, null, at + ": must be an object");
            }
            String bad = unknownKey(e, EDIT_KEYS);
            if (bad != null) {
                return new Parsed(i, null, at + "." + bad + ": unknown key");
            }
            RubricEdit.Kind kind = RubricEdit.Kind.of(e.path("kind").asText(""));
            if (kind == null) {
                return new Parsed(i, null, at + ".kind: '" + e.path("kind").asText("") + "' is not one of"
                        + " level_description, mandatory_rule, edge_case");
            }
            if (!e.path("text").isTextual()) {
                return new Parsed(i, null, at + ".text: must be text");
            }
            if (kind != RubricEdit.Kind.EDGE_CASE && !e.path("dimension").isTextual()) {
                return new Parsed(i, null, at + ".dimension: is missing");
            }
            if (kind == RubricEdit.Kind.LEVEL_DESCRIPTION && !e.path("level").isValueNode()) {
                return new Parsed(i, null, at + ".level: is missing");
            }
            edits.add(new RubricEdit(kind, e.path("dimension").asText(""), e.path("level").asText("").strip(),
                    e.get("text").asText()));
        }
        return new Parsed(i, new RubricChange(description, edits), "");
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
