package dev.juror.batch;

/**
 * A batch run cannot go on: the message says why and what to do, in words for the person running it
 * (it is shown as it is by the command line and the workbench).
 */
public final class BatchException extends RuntimeException {

    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
