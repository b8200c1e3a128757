package dev.juror.judge.output;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cuts the judgement object out of a model's raw answer. Models wrap JSON in code fences, put
 * prose before it ("Here is my evaluation:") and notes after it; all of that is tolerated. What is
 * not tolerated: no object at all, an object that does not parse (a truncated answer), a repeated
 * key inside the object, or two judgement objects (which one counts would be a guess).
 *
 * <p>How: every {@code {} is a possible start. An object that parses is taken whole and the scan
 * continues after its end; a start that does not parse is skipped, so the complete inner objects
 * of a truncated answer are found too, but they are not judgements ({@code looksLikeJudgement}
 * is false for them) and the answer is reported as invalid JSON.
 */
final class JsonExtractor {

    /** Strict reading: a second copy of a key is an error, never "last one wins". */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Bounds the work on pathological answers full of braces. */
    private static final int MAX_STARTS = 10_000;

    sealed interface Extraction {
    }

    record Found(JsonNode node, String json) implements Extraction {
    }

    record Failed(OutputError error) implements Extraction {
    }

    private record Candidate(JsonNode node, String json) {
    }

    private JsonExtractor() {
    }

    static Extraction extract(String raw, Predicate<JsonNode> looksLikeJudgement) {
        String text = raw == null ? "" : raw;
        int first = text.indexOf('{');
        if (first < 0) {
            String what = text.isBlank() ? "the answer is empty" : "the answer holds no JSON object";
            return new Failed(new OutputError(OutputErrorKind.NO_JSON, "$", what));
        }
        List<Candidate> judgements = new ArrayList<>();
        Candidate firstObject = null;
        OutputError firstFailure = null;
        OutputError duplicateKey = null;
        int starts = 0;
        int i = first;
        while (i >= 0 && i < text.length() && starts++ < MAX_STARTS) {
            String rest = text.substring(i);
            try (JsonParser parser = STRICT.createParser(rest)) {
                JsonNode node = STRICT.readTree(parser);
                int end = i + (int) parser.currentLocation().getCharOffset();
                String json = text.substring(i, Math.min(end, text.length()));
                Candidate candidate = new Candidate(node, json);
                if (firstObject == null) {
                    firstObject = candidate;
                }
                if (looksLikeJudgement.test(node)) {
                    judgements.add(candidate);
                }
                i = text.indexOf('{', Math.max(end, i + 1));
            } catch (JsonParseException e) {
                OutputError error = failure(e, text, i);
                if (error.kind() == OutputErrorKind.DUPLICATE_KEY && duplicateKey == null) {
                    duplicateKey = error;
                }
                if (firstFailure == null) {
                    firstFailure = error;
                }
                i = text.indexOf('{', i + 1);
            } catch (JsonProcessingException e) {
                if (firstFailure == null) {
                    firstFailure = failure(e, text, i);
                }
                i = text.indexOf('{', i + 1);
            } catch (IOException e) {
                return new Failed(new OutputError(OutputErrorKind.INVALID_JSON, "$", "cannot read the answer: "
                        + e.getMessage()));
            }
        }
        if (duplicateKey != null) {
            return new Failed(duplicateKey);
        }
        if (judgements.size() > 1) {
            return new Failed(new OutputError(OutputErrorKind.MULTIPLE_JSON, "$", "the answer holds "
                    + judgements.size() + " judgement objects; answer with exactly one"));
        }
        if (judgements.size() == 1) {
            Candidate only = judgements.get(0);
            return new Found(only.node(), only.json());
        }
        if (firstFailure != null && firstFailure.kind() != OutputErrorKind.NO_JSON) {
            return new Failed(firstFailure);
        }
        if (firstObject != null) {
            // An object, but not a judgement: let the schema say what is missing.
            return new Found(firstObject.node(), firstObject.json());
        }
        return new Failed(new OutputError(OutputErrorKind.NO_JSON, "$", "the answer holds no JSON object"));
    }

    private static OutputError failure(JsonProcessingException e, String text, int start) {
        String message = e.getOriginalMessage() == null ? String.valueOf(e.getMessage()) : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return new OutputError(OutputErrorKind.DUPLICATE_KEY, "$", message.replace("Duplicate field", "duplicate key")
                    + "; every key may appear once per object");
        }
        String where = "";
        if (e.getLocation() != null) {
            long offset = start + e.getLocation().getCharOffset();
            where = " (at character " + offset + " of " + text.length() + ")";
        }
        return new OutputError(OutputErrorKind.INVALID_JSON, "$", "not valid JSON" + where + ": "
                + message.lines().findFirst().orElse(""));
    }
}
