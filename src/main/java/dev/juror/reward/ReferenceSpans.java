package dev.juror.reward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The expert spans carried by a sample's {@code reference_answer}, for the reference-overlap
 * component. Understood shapes:
 * <ul>
 *   <li>annotated clause spans, as in CUAD: {@code {"clauses": [{"category": ..., "text": ...}]}}
 *       (categories in the ignore set are skipped: they name the contract, not an issue);</li>
 *   <li>expert comments: {@code {"comments": [{"text_excerpt": ...}]}} or a bare array of such
 *       comment objects (Juror's prediction format written by an expert).</li>
 * </ul>
 * Anything else (a string answer, another object) has no spans: the component does not apply.
 */
final class ReferenceSpans {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceSpans() {
    }

    /** The spans, or empty when the reference answer has none of the understood shapes. */
    static Optional<List<String>> of(String referenceAnswerJson, Set<String> ignoredCategories) {
        if (referenceAnswerJson == null || referenceAnswerJson.isBlank()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(referenceAnswerJson);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        if (root.isObject() && root.path("clauses").isArray()) {
            List<String> spans = new ArrayList<>();
            for (JsonNode clause : root.get("clauses")) {
                String category = clause.path("category").asText("");
                String text = clause.path("text").asText("");
                if (!text.isBlank() && !ignoredCategories.contains(category)) {
                    spans.add(text);
                }
            }
            return Optional.of(spans);
        }
        JsonNode comments = root.isArray() ? root : root.path("comments");
        if (comments.isArray() && !comments.isEmpty()) {
            List<String> spans = new ArrayList<>();
            for (JsonNode comment : comments) {
                String excerpt = comment.path("text_excerpt").asText("");
                if (!excerpt.isBlank()) {
                    spans.add(excerpt);
                }
            }
            return spans.isEmpty() ? Optional.empty() : Optional.of(spans);
        }
        return Optional.empty();
    }
}
