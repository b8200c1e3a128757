package dev.juror.watch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps of log lines and records: ISO-8601 with an offset or {@code Z}, or without one
 * (read as UTC, which is what CloudWatch and SageMaker write), and the leading timestamp of an
 * exported log line ("{@code 2026-12-08T03:21:06.123Z {...}}").
 */
public final class LogTimestamps {

    private static final Pattern LEADING = Pattern.compile(
            "^\\s*(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)");

    private LogTimestamps() {
    }

    /** @throws DateTimeParseException if {@code text} is no ISO-8601 date-time */
    public static Instant parse(String text) {
        String t = text.strip().replace(' ', 'T').replace(',', '.');
        char last = t.charAt(t.length() - 1);
        if (last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
            if (last == 'Z') {
                return Instant.parse(t);
            }
            String withColon = t.matches(".*[+-]\\d{4}$") ? t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2) : t;
            return OffsetDateTime.parse(withColon).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    /** The timestamp a log line starts with, and where the rest of the line begins. */
    public record Leading(Instant instant, int end) {
    }

    public static Optional<Leading> leading(String line) {
        Matcher m = LEADING.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Leading(parse(m.group(1)), m.end()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
