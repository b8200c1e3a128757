package dev.juror.judge.output;

import java.util.Objects;

/**
 * One problem with a judge's answer.
 *
 * @param kind    what went wrong
 * @param path    JSON path of the offending part ({@code $.comments[1].Actionability.score}), {@code $} for the whole
 * @param message readable explanation
 */
public record OutputError(OutputErrorKind kind, String path, String message) {

    public OutputError {
        Objects.requireNonNull(kind, "kind");
        path = path == null || path.isEmpty() ? "$" : path;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return kind.code() + " " + path + ": " + message;
    }
}
