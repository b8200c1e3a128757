package dev.juror.export;

/** A price table that cannot be used; the message names the file, the line and key path, and the fix. */
public final class PriceTableException extends RuntimeException {

    public PriceTableException(String message) {
        super(message);
    }

    public PriceTableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code FILE line L (path): problem; fix: what to do}. */
    static PriceTableException at(String source, int line, String path, String problem, String fix) {
        StringBuilder m = new StringBuilder(source);
        if (line > 0) {
            m.append(" line ").append(line);
        }
        if (!path.isEmpty()) {
            m.append(" (").append(path).append(")");
        }
        return new PriceTableException(m.append(": ").append(problem).append("; fix: ").append(fix).toString());
    }
}
