package dev.juror.io;

import java.io.IOException;

/**
 * A file the user named cannot be used: missing, not a regular file, too large, not UTF-8 or not
 * readable. The message is one sentence naming the file and what to do, ready to show as it is.
 */
public final class InputFileException extends IOException {

    /** Why the file was refused. */
    public enum Kind { MISSING, NOT_REGULAR, TOO_LARGE, NOT_UTF8, UNREADABLE }

    private final Kind kind;

    public InputFileException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
