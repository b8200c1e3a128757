package dev.juror.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the {@code juror} object of a log line into a {@link RewardRecord}. Every field the Lambda
 * always writes is required (a record missing one would chart as a silent zero); {@code judge_error}
 * may be null, {@code step} and {@code prediction} may be absent. Each problem names its field.
 */
final class RewardRecordParser {

    private RewardRecordParser() {
    }

    static RewardRecord parse(JsonNode juror, String where) {
        if (!juror.isObject()) {
            throw new WatchInputException(where, "the juror member is not an object");
        }
        Fields f = new Fields(juror, where);
        JsonNode metricsNode = f.required("metrics");
        if (!metricsNode.isObject()) {
            throw f.bad("metrics", "not an object of name -> number");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metricsNode.properties().forEach(e -> {
            if (!e.getValue().isNumber()) {
                throw f.bad("metrics." + e.getKey(), "not a number");
            }
            metrics.put(e.getKey(), e.getValue().doubleValue());
        });
        JsonNode checksNode = f.required("checks");
        if (!checksNode.isArray()) {
            throw f.bad("checks", "not a list of check ids");
        }
        List<String> checks = new ArrayList<>(checksNode.size());
        checksNode.forEach(c -> checks.add(c.asText()));
        JsonNode step = juror.get("step");
        OptionalInt stepNumber = OptionalInt.empty();
        if (step != null && !step.isNull()) {
            if (!step.canConvertToInt() || !step.isIntegralNumber() || step.intValue() < 0) {
                throw f.bad("step", "not a whole number >= 0");
            }
            stepNumber = OptionalInt.of(step.intValue());
        }
        JsonNode error = juror.get("judge_error");
        JsonNode prediction = juror.get("prediction");
        return new RewardRecord(f.text("bundle"), f.text("rubric_version"), f.text("sample_id"), f.instant("timestamp"),
                f.number("reward"), metrics, metricsNode.toString(), checks, f.bool("fallback"),
                error == null || error.isNull() ? Optional.empty() : Optional.of(error.asText()),
                (int) f.whole("prediction_chars"), (int) f.whole("comments"), f.whole("latency_ms"),
                (int) f.whole("input_tokens"), (int) f.whole("output_tokens"), f.text("prediction_sha256"),
                f.text("prompt_sha256"), stepNumber,
                prediction == null || prediction.isNull() ? Optional.empty() : Optional.of(prediction.asText()), where);
    }

    /** Typed access to the record's members, each failure naming the field. */
    private record Fields(JsonNode node, String where) {

        JsonNode required(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new WatchInputException(where, "field '" + name + "' is missing from the juror record");
            }
            return value;
        }

        WatchInputException bad(String name, String problem) {
            return new WatchInputException(where, "field '" + name + "': " + problem);
        }

        String text(String name) {
            JsonNode value = required(name);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw bad(name, "not a non-empty string");
            }
            return value.asText();
        }

        double number(String name) {
            JsonNode value = required(name);
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                throw bad(name, "not a finite number");
            }
            return value.doubleValue();
        }

        long whole(String name) {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw bad(name, "not a whole number >= 0");
            }
            return value.longValue();
        }

        boolean bool(String name) {
            JsonNode value = required(name);
            if (!value.isBoolean()) {
                throw bad(name, "not true or false");
            }
            return value.booleanValue();
        }

        Instant instant(String name) {
            String text = text(name);
            try {
                return LogTimestamps.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(name, "not an ISO-8601 timestamp: " + text);
            }
        }
    }
}
