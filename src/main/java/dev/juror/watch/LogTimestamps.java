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
        Instant utc = canonicalUtc(text);
        if (utc != null) {
            return utc;
        }
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

    /**
     * {@code 2026-12-08T03:00:01.123Z} (what the Lambda writes: {@code Instant.toString()}) read by
     * hand, a tenth of the cost of a formatter, which a million-record import notices; null for any
     * other form (or an out-of-range field), which {@link #parse} then reads the general way.
     */
    static Instant canonicalUtc(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(t, 20, n - 1);
            for (int k = fraction; k < 9 && nanos >= 0; k++) {
                nanos *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59
                || second > 59) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code t[from, to)}, or -1 if a character is no ASCII digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
