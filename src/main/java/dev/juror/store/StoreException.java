package dev.juror.store;

/**
 * A database operation failed unexpectedly (not because of the user's input). Carries what was
 * being done, so the log says more than the bare SQL error.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
