package dev.juror.dataset;

/**
 * One sample or line cannot be read: the message says what is wrong and what to do. Thrown for
 * expected bad input, so it carries no stack trace (cheap when a file has thousands of bad lines).
 */
public final class InvalidSampleException extends RuntimeException {

    public InvalidSampleException(String message) {
        super(message, null, false, false);
    }
}
