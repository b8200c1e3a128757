package dev.juror.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Samples in the Nova RFT chat format (nova-rft-lambda-contract.md §1.9): a {@code system} turn
 * with the policy's system prompt (when there is one), one {@code user} turn holding the documents
 * between {@code <TargetDocument>} and {@code <Reference>} tags, the {@code reference_answer}, and no
 * assistant turn (training rows) or one (the sample event the reward Lambda receives).
 */
final class NovaRows {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INSTRUCTION = "Review the TargetDocument against the Reference.";

    private NovaRows() {
    }

    static ObjectNode trainingRow(ExportSample s) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", s.id());
        ArrayNode messages = row.putArray("messages");
        if (!s.systemPrompt().isBlank()) {
            messages.addObject().put("role", "system").put("content", s.systemPrompt());
        }
        StringBuilder user = new StringBuilder(INSTRUCTION).append("\n<TargetDocument>\n").append(s.target())
                .append("\n</TargetDocument>");
        if (!s.reference().isBlank()) {
            user.append("\n<Reference>\n").append(s.reference()).append("\n</Reference>");
        }
        messages.addObject().put("role", "user").put("content", user.toString());
        JsonNode answer = referenceAnswer(s.referenceAnswer());
        if (answer != null) {
            row.set("reference_answer", answer);
        }
        return row;
    }

    /** The row the trainer sends the Lambda for one rollout: the training row plus the assistant turn. */
    static ObjectNode eventSample(ExportSample s, int rollout, boolean unvalidated) {
        ObjectNode row = trainingRow(s);
        row.put("id", s.id() + "#" + rollout);
        ((ArrayNode) row.get("messages")).addObject().put("role", "assistant").put("content", s.predictions().get(rollout));
        if (unvalidated) {
            row.putObject("metadata").put("juror_unvalidated", true);
        }
        return row;
    }

    private static JsonNode referenceAnswer(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            // The dataset schema wants a non-empty string or object; anything else travels as text.
            if (node != null && (node.isObject() && !node.isEmpty() || node.isTextual() && !node.asText().isBlank())) {
                return node;
            }
            return node == null || node.isNull() ? null : JSON.getNodeFactory().textNode(node.toString());
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
