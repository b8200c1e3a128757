package dev.juror.testing.batch;

/** An AWS REST-JSON error the Bedrock stub answers: HTTP status, error type, message. */
final class BedrockError extends RuntimeException {

    private final int status;
    private final String type;

    BedrockError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
