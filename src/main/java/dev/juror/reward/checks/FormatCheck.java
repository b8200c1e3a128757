package dev.juror.reward.checks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is the prediction valid JSON of the contract-review comment schema: an array of comment objects,
 * or {@code {"comments": [...]}}, each with non-blank string fields {@code comment_id},
 * {@code text_excerpt}, {@code comment}, {@code comment_type}, {@code recommended_action}?
 * Stricter than {@link dev.juror.dataset.PredictionParser} on purpose: text after the JSON value
 * (a forged "Score: 5" appended to valid JSON) and duplicate keys make it invalid.
 *
 * <p>Metrics: {@code format_valid} (1/0), {@code comment_count}, {@code missing.<field>} (absent,
 * null or blank), {@code non_string.<field>}, {@code extra_field_count},
 * {@code duplicate_comment_id_count}, {@code duplicate_comment_count}.
 */
public final class FormatCheck {

    public static final String CHECK_NAME = "format";
    public static final List<String> REQUIRED_FIELDS =
            List.of("comment_id", "text_excerpt", "comment", "comment_type", "recommended_action");

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final boolean allowCodeFence;

    /** Strict: a Markdown code fence around the JSON makes it invalid. */
    public FormatCheck() {
        this(false);
    }

    /** @param allowCodeFence accept (and report) a {@code ```json ... ```} fence around the JSON */
    public FormatCheck(boolean allowCodeFence) {
        this.allowCodeFence = allowCodeFence;
    }

    public CheckResult check(String prediction) {
        String text = prediction == null ? "" : prediction;
        List<CheckFinding> findings = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String field : REQUIRED_FIELDS) {
            metrics.put("missing." + field, 0.0);
            metrics.put("non_string." + field, 0.0);
        }
        metrics.put("comment_count", 0.0);
        metrics.put("extra_field_count", 0.0);
        metrics.put("duplicate_comment_id_count", 0.0);
        metrics.put("duplicate_comment_count", 0.0);

        String json = text.strip();
        if (allowCodeFence) {
            String unfenced = unfence(json);
            if (unfenced != null) {
                findings.add(new CheckFinding(Rules.CODE_FENCE, Evidence.printable(json), 0));
                json = unfenced;
            }
        }
        JsonNode root;
        try {
            if (json.isEmpty()) {
                throw new IllegalArgumentException("empty prediction");
            }
            root = STRICT.readTree(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            findings.add(new CheckFinding(Rules.INVALID_JSON, Evidence.printable(reason), -1));
            return finish(findings, metrics, false);
        }
        JsonNode list = root.isObject() ? root.get("comments") : root;
        if (list == null || !list.isArray()) {
            findings.add(new CheckFinding(Rules.WRONG_SHAPE,
                    "expected a JSON array of comments or an object with a \"comments\" array, got "
                            + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT), -1));
            return finish(findings, metrics, false);
        }
        if (root.isObject() && root.size() > 1) {
            findings.add(new CheckFinding(Rules.EXTRA_FIELD, "top-level fields besides \"comments\": "
                    + Evidence.printable(String.join(", ", fieldNames(root, Set.of("comments")))), -1));
            metrics.merge("extra_field_count", (double) (root.size() - 1), Double::sum);
        }
        metrics.put("comment_count", (double) list.size());
        boolean valid = true;
        if (list.isEmpty()) {
            findings.add(new CheckFinding(Rules.EMPTY_COMMENT_LIST, "no comments", -1));
        }
        Set<String> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                findings.add(new CheckFinding(Rules.WRONG_SHAPE, "comments[" + i + "] is "
                        + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ", not an object", -1));
                valid = false;
                continue;
            }
            for (String field : REQUIRED_FIELDS) {
                JsonNode value = node.get(field);
                if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                    findings.add(new CheckFinding(Rules.MISSING_FIELD, "comments[" + i + "]." + field
                            + (value == null ? " is missing" : value.isNull() ? " is null" : " is blank"), -1));
                    metrics.merge("missing." + field, 1.0, Double::sum);
                    valid = false;
                } else if (!value.isTextual()) {
                    findings.add(new CheckFinding(Rules.NON_STRING_FIELD, "comments[" + i + "]." + field + " is "
                            + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + ", not a string", -1));
                    metrics.merge("non_string." + field, 1.0, Double::sum);
                    valid = false;
                }
            }
            List<String> extra = fieldNames(node, Set.copyOf(REQUIRED_FIELDS));
            if (!extra.isEmpty()) {
                findings.add(new CheckFinding(Rules.EXTRA_FIELD, "comments[" + i + "] has "
                        + Evidence.printable(String.join(", ", extra)), -1));
                metrics.merge("extra_field_count", (double) extra.size(), Double::sum);
            }
            String id = node.path("comment_id").asText("");
            if (!id.isBlank() && !ids.add(id)) {
                findings.add(new CheckFinding(Rules.DUPLICATE_COMMENT_ID, "comments[" + i + "].comment_id \""
                        + Evidence.printable(id) + "\" repeats an earlier one", -1));
                metrics.merge("duplicate_comment_id_count", 1.0, Double::sum);
            }
            String body = normalise(node.path("text_excerpt").asText("")) + "\u0000" + normalise(node.path("comment").asText(""));
            if (body.length() > 1 && !bodies.add(body)) {
                findings.add(new CheckFinding(Rules.DUPLICATE_COMMENT, "comments[" + i
                        + "] repeats an earlier comment's excerpt and text", -1));
                metrics.merge("duplicate_comment_count", 1.0, Double::sum);
            }
        }
        return finish(findings, metrics, valid);
    }

    private static CheckResult finish(List<CheckFinding> findings, Map<String, Double> metrics, boolean valid) {
        metrics.put("format_valid", valid ? 1.0 : 0.0);
        return new CheckResult(CHECK_NAME, findings, metrics);
    }

    private static List<String> fieldNames(JsonNode node, Set<String> except) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!except.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Case- and whitespace-insensitive, so a duplicate cannot hide behind a changed space. */
    private static String normalise(String s) {
        return FoldedText.of(RevealedText.of(s)).text().strip();
    }

    private static String unfence(String s) {
        if (!s.startsWith("```") || !s.endsWith("```") || s.length() < 6) {
            return null;
        }
        int firstLineEnd = s.indexOf('\n');
        if (firstLineEnd < 0) {
            return null;
        }
        return s.substring(firstLineEnd + 1, s.length() - 3).strip();
    }
}
