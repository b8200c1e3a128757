package dev.juror.dataset;

/** Why one line of an import file was refused. {@code line} is 1-based. */
public record LineError(int line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
