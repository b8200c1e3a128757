package dev.juror.watch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a well-formed reward record straight from the token stream, without building a JSON tree
 * (the tree made parsing half of a million-record import). It takes only what it is sure of: any
 * deviation (a missing or mistyped field, a duplicate member, a line that is not one whole JSON
 * object) gives null, and the line is read the general way ({@link RewardRecordParser}), which
 * names the problem. So both ways agree on every record this one returns.
 * {@code metricsJson} is the metrics object's text as written in the line.
 */
final class FastRecordParser {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FastRecordParser() {
    }

    /** The record of a JSON line (a bare {@code juror} object or an EMF line around one), or null. */
    static RewardRecord parse(String json, String where) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields root = new Fields(json);
            Fields juror = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("juror")) {
                    if (juror != null || value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    juror = new Fields(json);
                    if (!juror.readObject(p)) {
                        return null;
                    }
                } else if (!root.read(name, p)) {
                    return null;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            Fields record = juror != null ? juror : root.seen("sample_id") && root.seen("reward") && root.seen("bundle")
                    ? root : null;
            return record == null ? null : record.toRecord(where);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The record's members as read; false from a read means "not sure: go the general way". */
    private static final class Fields {
        private final String json;
        private final List<String> seen = new ArrayList<>(20);
        private String bundle;
        private String rubricVersion;
        private String sampleId;
        private String timestamp;
        private String predictionSha256;
        private String promptSha256;
        private String judgeError;
        private String prediction;
        private double reward = Double.NaN;
        private Map<String, Double> metrics;
        private String metricsJson;
        private List<String> checks;
        private Boolean fallback;
        private long predictionChars = -1;
        private long comments = -1;
        private long latencyMs = -1;
        private long inputTokens = -1;
        private long outputTokens = -1;
        private int step = -1;

        Fields(String json) {
            this.json = json;
        }

        boolean seen(String name) {
            return seen.contains(name);
        }

        boolean readObject(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!read(name, p)) {
                    return false;
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT;
        }

        /** Reads the value at the parser (its first token current) into the member {@code name}. */
        boolean read(String name, JsonParser p) throws IOException {
            if (seen.contains(name)) {
                return false;
            }
            seen.add(name);
            JsonToken t = p.currentToken();
            switch (name) {
                case "bundle" -> bundle = text(p);
                case "rubric_version" -> rubricVersion = text(p);
                case "sample_id" -> sampleId = text(p);
                case "timestamp" -> timestamp = text(p);
                case "prediction_sha256" -> predictionSha256 = text(p);
                case "prompt_sha256" -> promptSha256 = text(p);
                case "reward" -> {
                    if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                        return false;
                    }
                    reward = p.getDoubleValue();
                    return Double.isFinite(reward);
                }
                case "fallback" -> {
                    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                        return false;
                    }
                    fallback = t == JsonToken.VALUE_TRUE;
                }
                case "prediction_chars" -> predictionChars = whole(p);
                case "comments" -> comments = whole(p);
                case "latency_ms" -> latencyMs = whole(p);
                case "input_tokens" -> inputTokens = whole(p);
                case "output_tokens" -> outputTokens = whole(p);
                case "judge_error" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        judgeError = t == JsonToken.VALUE_STRING ? p.getText() : null;
                        return judgeError != null;
                    }
                }
                case "prediction" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        prediction = t == JsonToken.VALUE_STRING ? p.getText() : null;
                        return prediction != null;
                    }
                }
                case "step" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                || p.getIntValue() < 0) {
                            return false;
                        }
                        step = p.getIntValue();
                    }
                }
                case "metrics" -> {
                    return metrics(p);
                }
                case "checks" -> {
                    return checks(p);
                }
                default -> p.skipChildren();
            }
            return true;
        }

        private static String text(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String value = p.getText();
            return value.isBlank() ? null : value;
        }

        private static long whole(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return -1;
            }
            return p.getLongValue();
        }

        private boolean metrics(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return false;
            }
            int start = Math.toIntExact(p.currentTokenLocation().getCharOffset());
            metrics = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT || metrics.containsKey(name)) {
                    return false;
                }
                metrics.put(name, p.getDoubleValue());
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return false;
            }
            int end = Math.toIntExact(p.currentTokenLocation().getCharOffset());
            metricsJson = json.substring(start, end + 1);
            return true;
        }

        private boolean checks(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return false;
            }
            checks = new ArrayList<>(2);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return false;
                }
                checks.add(p.getText());
            }
            return true;
        }

        RewardRecord toRecord(String where) {
            if (bundle == null || rubricVersion == null || sampleId == null || timestamp == null
                    || predictionSha256 == null || promptSha256 == null || !seen("reward") || metrics == null
                    || checks == null || fallback == null || predictionChars < 0 || comments < 0 || latencyMs < 0
                    || inputTokens < 0 || outputTokens < 0) {
                return null;
            }
            Instant at;
            try {
                at = LogTimestamps.parse(timestamp);
            } catch (DateTimeParseException | IndexOutOfBoundsException e) {
                return null;
            }
            return new RewardRecord(bundle, rubricVersion, sampleId, at, reward, metrics, metricsJson, checks, fallback,
                    Optional.ofNullable(judgeError), (int) predictionChars, (int) comments, latencyMs, (int) inputTokens,
                    (int) outputTokens, predictionSha256, promptSha256, step < 0 ? OptionalInt.empty() : OptionalInt.of(step),
                    Optional.ofNullable(prediction), where);
        }
    }
}
