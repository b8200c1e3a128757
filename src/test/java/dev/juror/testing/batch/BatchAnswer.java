package dev.juror.testing.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiFunction;

/**
 * What the loopback Bedrock batch stub answers for one record: a Converse reply (text, stop reason,
 * token counts) or a record-level error ({@code errorCode}, {@code errorMessage} in the output line).
 */
public sealed interface BatchAnswer {

    /** A reply written as the record's {@code modelOutput}, a Converse response body. */
    record Text(String text, String stopReason, int inputTokens, int outputTokens) implements BatchAnswer {
    }

    /** A record-level failure written as the record's {@code error}. */
    record Error(int errorCode, String errorMessage) implements BatchAnswer {
    }

    static BatchAnswer text(String text, String stopReason, int inputTokens, int outputTokens) {
        return new Text(text, stopReason, inputTokens, outputTokens);
    }

    static BatchAnswer error(int errorCode, String errorMessage) {
        return new Error(errorCode, errorMessage);
    }

    /**
     * The stub's default kind of answer function: always {@code text} with stop reason
     * {@code end_turn}; input tokens are the words of the record's system and message texts, output
     * tokens the words of {@code text}. Deterministic, so two runs of the same prompts get the same
     * answers and counts.
     */
    static BiFunction<String, JsonNode, BatchAnswer> constant(String text) {
        int outputTokens = words(text);
        return (recordId, modelInput) -> new Text(text, "end_turn", Math.max(1, words(promptText(modelInput))), outputTokens);
    }

    /** The texts of a Converse request's {@code system} blocks and messages, one per line. */
    static String promptText(JsonNode modelInput) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : modelInput.path("system")) {
            text.append(block.path("text").asText("")).append('\n');
        }
        for (JsonNode message : modelInput.path("messages")) {
            for (JsonNode block : message.path("content")) {
                text.append(block.path("text").asText("")).append('\n');
            }
        }
        return text.toString();
    }

    /** Whitespace-separated words (a loop, not a regex split: a benchmark counts 20,000 prompts). */
    private static int words(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words;
    }
}
