package dev.juror.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** The time column of a metrics CSV or JSONL (and an event's {@code created_at}): ISO-8601 or epoch seconds / ms. */
final class TimeValues {

    /** Column names read as the time a step was logged, first found wins. */
    static final Set<String> TIME_COLUMNS = Set.of("time", "timestamp", "wall_time", "logged_at", "created_at",
            "datetime");

    /** Epoch numbers above this are milliseconds, below it seconds (1e11 s is the year 5138). */
    private static final double MILLIS_ABOVE = 1e11;

    private TimeValues() {
    }

    static Instant parse(String text, String where, String column) {
        String t = text.strip();
        try {
            return epoch(Double.parseDouble(t));
        } catch (NumberFormatException notANumber) {
            try {
                return LogTimestamps.parse(t);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new WatchInputException(where, "column '" + column + "': not a time (ISO-8601 or epoch "
                        + "seconds): " + text);
            }
        }
    }

    static Optional<Instant> of(JsonNode node, String where, String column) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(node.isNumber() ? epoch(node.doubleValue()) : parse(node.asText(), where, column));
    }

    private static Instant epoch(double value) {
        double millis = value > MILLIS_ABOVE ? value : value * 1000;
        return Instant.ofEpochMilli(Math.round(millis));
    }
}
