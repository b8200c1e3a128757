package dev.juror.watch;

/**
 * Input the watch import refuses, with where it is: "{@code rewards.jsonl:12: field 'reward': not a
 * number}". The whole file is refused (its import is one transaction), so nothing half-read is kept.
 */
public final class WatchInputException extends RuntimeException {

    public WatchInputException(String where, String problem) {
        super(where + ": " + problem);
    }

    public WatchInputException(String message) {
        super(message);
    }
}
