package dev.juror.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeResponse;
import dev.juror.judge.ModelCapabilities;
import dev.juror.judge.TokenUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The batch input and output lines in Converse form ({@code modelInvocationType: CONVERSE}).
 *
 * <p>Input: {@code {"recordId": ..., "modelInput": {system, messages, inferenceConfig}}}, the same
 * system prompt, user message and inference settings an on-demand call sends (the user message as
 * one text block: batch jobs gain nothing from a cache point). Output: {@code {"recordId",
 * "modelInput", "modelOutput"}} with a Converse response, or {@code "error": {errorCode,
 * errorMessage}}.
 */
public final class ConverseRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private ConverseRecords() {
    }

    /** One input line, without its line break. */
    public static String inputLine(String recordId, JudgeRequest request) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                request.systemPrompt().length() + request.userMessage().length() + 256);
        inputLine(recordId, request, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One input line, without its line break, as UTF-8 into {@code out} (a buffer reused record after record). */
    public static void inputLine(String recordId, JudgeRequest request, java.io.OutputStream out) {
        try (JsonGenerator json = FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("recordId", recordId);
            json.writeObjectFieldStart("modelInput");
            if (!request.systemPrompt().isEmpty()) {
                json.writeArrayFieldStart("system");
                json.writeStartObject();
                json.writeStringField("text", request.systemPrompt());
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("messages");
            json.writeStartObject();
            json.writeStringField("role", "user");
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("text", request.userMessage());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeObjectFieldStart("inferenceConfig");
            json.writeNumberField("maxTokens", request.maxTokens());
            json.writeNumberField("temperature", (float) request.temperature());
            if (request.topP().isPresent() && ModelCapabilities.acceptsTopPWithTemperature(request.modelId())) {
                json.writeNumberField("topP", (float) request.topP().getAsDouble());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a memory buffer cannot fail", e);
        }
    }

    /**
     * One output line as read.
     *
     * @param response  the model's answer (any stop reason), when the record succeeded
     * @param errorCode the service's error code for the record (e.g. 400), when it failed
     */
    public record OutputLine(String recordId, Optional<JudgeResponse> response, OptionalInt errorCode,
                             String errorMessage) {
    }

    /**
     * Reads one output line.
     *
     * @throws IllegalArgumentException a line that is not an output record (named by the caller with its file and line)
     */
    public static OutputLine outputLine(String line) {
        String recordId = null;
        JsonNode error = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        JsonNode output = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        // Streamed: the echoed modelInput (the whole prompt, often most of the line) is skipped, not built.
        try (com.fasterxml.jackson.core.JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                switch (field) {
                    case "recordId" -> recordId = value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                            ? parser.getText() : null;
                    case "error" -> error = JSON.readTree(parser);
                    case "modelOutput" -> output = JSON.readTree(parser);
                    default -> parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable (" + e.getMessage() + ")");
        }
        if (recordId == null) {
            throw new IllegalArgumentException("no recordId");
        }
        if (error.isObject()) {
            int code = error.path("errorCode").asInt(0);
            return new OutputLine(recordId, Optional.empty(), OptionalInt.of(code),
                    error.path("errorMessage").asText("the record failed without a message"));
        }
        if (!output.isObject()) {
            throw new IllegalArgumentException("record " + recordId + " has neither modelOutput nor error");
        }
        return new OutputLine(recordId, Optional.of(response(output)), OptionalInt.empty(), "");
    }

    /** A Converse response body as a judge response: text blocks joined (reasoning and other blocks skipped). */
    static JudgeResponse response(JsonNode output) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : output.path("output").path("message").path("content")) {
            if (block.path("text").isTextual()) {
                text.append(block.get("text").asText());
            }
        }
        JsonNode usage = output.path("usage");
        TokenUsage tokens = new TokenUsage(usage.path("inputTokens").asLong(0), usage.path("outputTokens").asLong(0),
                usage.path("cacheReadInputTokens").asLong(0), usage.path("cacheWriteInputTokens").asLong(0));
        Duration latency = Duration.ofMillis(Math.max(0, output.path("metrics").path("latencyMs").asLong(0)));
        return new JudgeResponse(text.toString(), output.path("stopReason").asText(""), tokens, latency);
    }
}
