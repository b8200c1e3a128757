package dev.juror.dataset;

/**
 * Why one line of an import file was refused. {@code line} is 1-based; {@link #WHOLE_FILE} (0)
 * marks a problem with the file as a whole, such as an empty file.
 */
public record LineError(int line, String reason) {

    /** Line number used for errors that concern the whole file rather than one line. */
    public static final int WHOLE_FILE = 0;

    public LineError {
        reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
        return (line == WHOLE_FILE ? "file" : "line " + line) + ": " + reason;
    }
}
