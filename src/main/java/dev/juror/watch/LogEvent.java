package dev.juror.watch;

/**
 * One CloudWatch Logs event, as FilterLogEvents returns it (and as {@code aws logs
 * filter-log-events --output json} prints it): its time in epoch milliseconds, its message, its id.
 */
public record LogEvent(long timestampMillis, String message, String eventId) {
}
