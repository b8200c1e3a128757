package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts system prompt, target, reference, reference answer and prediction from one Nova RFT
 * sample. Shared by the JSONL import and the reward Lambda, so both read a sample the same way.
 *
 * <p>Extraction order (first hit wins):
 * <ol>
 *   <li>target / reference: custom field {@code target_document} / {@code reference_document}
 *       (a string), at top level or under {@code metadata};</li>
 *   <li>else the text between {@code <TargetDocument>}...{@code </TargetDocument>} and
 *       {@code <Reference>}...{@code </Reference>} (or {@code <ReferenceDocument>}) tags in the last
 *       {@code user} message, stripped of surrounding whitespace;</li>
 *   <li>else the whole last user message is the target, and the reference is empty
 *       ({@link NovaSample#noReference()}).</li>
 * </ol>
 * The prediction is the last message whose role is {@code assistant} or {@code nova_assistant}
 * (case-insensitive). {@code content} may be a string or a list of blocks whose {@code text} values
 * are concatenated; blocks without text (images) are skipped. {@code reference_answer} is read at
 * top level, else under {@code metadata}.
 */
public final class NovaSampleExtractor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern TARGET_TAG = Pattern.compile("<TargetDocument>(.*?)</TargetDocument>", Pattern.DOTALL);
    private static final Pattern REFERENCE_TAG = Pattern.compile("<(Reference|ReferenceDocument)>(.*?)</\\1>", Pattern.DOTALL);

    /** Top-level keys that are part of the sample itself, not custom fields. */
    private static final Set<String> OWN_FIELDS = Set.of("id", "messages", "reference_answer", "metadata",
            "target_document", "reference_document");

    private NovaSampleExtractor() {
    }

    /**
     * Reads one sample.
     *
     * @throws InvalidSampleException when {@code messages} is missing or malformed, or there is no
     *                                user message; the message says which field and what to do
     */
    public static NovaSample extract(JsonNode sample) {
        if (sample == null || !sample.isObject()) {
            throw new InvalidSampleException("a Nova RFT sample must be a JSON object");
        }
        JsonNode messages = sample.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new InvalidSampleException("\"messages\" must be a non-empty list of {\"role\", \"content\"} objects");
        }
        String system = null;
        String lastUser = null;
        String prediction = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw new InvalidSampleException("messages[" + i + "] must be an object with \"role\" and \"content\"");
            }
            JsonNode roleNode = message.get("role");
            if (roleNode == null || !roleNode.isTextual()) {
                throw new InvalidSampleException("messages[" + i + "].role must be a string such as \"user\"");
            }
            String content = contentText(message.get("content"), i);
            switch (roleNode.asText().toLowerCase(Locale.ROOT)) {
                case "system", "developer" -> system = system == null ? content : system;
                case "user" -> lastUser = content;
                case "assistant", "nova_assistant" -> prediction = content;
                default -> {
                    // tool, bot and other turns carry nothing a judge needs
                }
            }
        }
        if (lastUser == null) {
            throw new InvalidSampleException("\"messages\" has no user message; a Nova RFT sample needs at least one "
                    + "{\"role\": \"user\"} turn");
        }
        JsonNode metadata = sample.get("metadata");
        String referenceAnswer = jsonText(firstPresent(sample.get("reference_answer"), field(metadata, "reference_answer")));

        String target = customDocument(sample, metadata, "target_document");
        NovaSample.PartSource targetSource = NovaSample.PartSource.FIELD;
        if (target == null) {
            target = tagged(TARGET_TAG, 1, lastUser);
            targetSource = NovaSample.PartSource.TAG;
        }
        if (target == null) {
            target = lastUser;
            targetSource = NovaSample.PartSource.USER_MESSAGE;
        }
        String reference = customDocument(sample, metadata, "reference_document");
        NovaSample.PartSource referenceSource = NovaSample.PartSource.FIELD;
        if (reference == null) {
            reference = tagged(REFERENCE_TAG, 2, lastUser);
            referenceSource = NovaSample.PartSource.TAG;
        }
        if (reference == null) {
            reference = "";
            referenceSource = NovaSample.PartSource.NONE;
        }
        String systemPrompt = system == null ? "" : system;

        JsonNode idNode = sample.get("id");
        boolean generated = idNode == null || !idNode.isTextual() || idNode.asText().isEmpty();
        String id = generated ? generatedId(systemPrompt, target, reference, referenceAnswer) : idNode.asText();
        return new NovaSample(id, generated, systemPrompt, target, targetSource, reference, referenceSource,
                referenceAnswer, prediction == null ? "" : prediction, prediction != null,
                customFields(sample, metadata));
    }

    /**
     * The texts of the sample's {@code user} turns, in order: what a policy model was asked
     * ({@code juror watch sample} sends them to a checkpoint). Call after {@link #extract}, which
     * checks the messages' shape.
     */
    public static java.util.List<String> userMessages(JsonNode sample) {
        java.util.List<String> out = new java.util.ArrayList<>();
        JsonNode messages = sample.get("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (message.get("role").asText().equalsIgnoreCase("user")) {
                out.add(contentText(message.get("content"), i));
            }
        }
        return out;
    }

    /**
     * The id given to a sample without one: {@code nova-} and the first 16 hex digits of the SHA-256
     * of system prompt, target, reference and reference answer (NUL-separated). Stable across files
     * and line order, and equal for rollouts of the same prompt, so they group into one sample.
     */
    public static String generatedId(String systemPrompt, String target, String reference, String referenceAnswer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {systemPrompt, target, reference, referenceAnswer}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "nova-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String contentText(JsonNode content, int index) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw new InvalidSampleException("messages[" + index + "].content must be a string or a list of "
                    + "{\"type\": \"text\", \"text\": ...} blocks");
        }
        StringBuilder text = new StringBuilder();
        for (int b = 0; b < content.size(); b++) {
            JsonNode block = content.get(b);
            JsonNode blockText = block.isObject() ? block.get("text") : null;
            if (block.isTextual()) {
                text.append(block.asText());
            } else if (blockText != null && blockText.isTextual()) {
                text.append(blockText.asText());
            } else if (!block.isObject()) {
                throw new InvalidSampleException("messages[" + index + "].content[" + b + "] must be an object "
                        + "such as {\"type\": \"text\", \"text\": ...}");
            }
        }
        return text.toString();
    }

    private static String customDocument(JsonNode sample, JsonNode metadata, String name) {
        JsonNode value = firstPresent(sample.get(name), field(metadata, name));
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSampleException("\"" + name + "\" must be a string holding the document text");
        }
        return value.asText();
    }

    private static String tagged(Pattern tag, int group, String text) {
        Matcher m = tag.matcher(text);
        return m.find() ? m.group(group).strip() : null;
    }

    private static JsonNode field(JsonNode object, String name) {
        return object != null && object.isObject() ? object.get(name) : null;
    }

    private static JsonNode firstPresent(JsonNode first, JsonNode second) {
        if (first != null && !first.isNull()) {
            return first;
        }
        return second != null && !second.isNull() ? second : null;
    }

    private static String jsonText(JsonNode node) {
        return node == null ? "" : node.toString();
    }

    private static Map<String, Object> customFields(JsonNode sample, JsonNode metadata) {
        Map<String, Object> fields = new LinkedHashMap<>();
        sample.properties().forEach(e -> {
            if (!OWN_FIELDS.contains(e.getKey())) {
                fields.put(e.getKey(), toPlain(e.getValue()));
            }
        });
        if (metadata != null && metadata.isObject()) {
            metadata.properties().forEach(e -> {
                if (!OWN_FIELDS.contains(e.getKey())) {
                    fields.put(e.getKey(), toPlain(e.getValue()));
                }
            });
        }
        return fields;
    }

    /** A JSON value as plain Java (String, Number, Boolean, List, Map), null for JSON null. */
    static Object toPlain(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }
}
