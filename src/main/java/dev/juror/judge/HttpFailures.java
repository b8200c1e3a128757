package dev.juror.judge;

/** HTTP status to failure kind, shared by the clients for errors without a more specific type. */
final class HttpFailures {

    private HttpFailures() {
    }

    static FailureKind kindForStatus(int status) {
        if (status == 429) {
            return FailureKind.THROTTLED;
        }
        if (status == 408) {
            return FailureKind.MODEL_TIMEOUT;
        }
        if (status == 401 || status == 403) {
            return FailureKind.ACCESS_DENIED;
        }
        if (status >= 500) {
            return FailureKind.SERVER_ERROR;
        }
        if (status == 424) {
            return FailureKind.SERVER_ERROR;
        }
        if (status >= 400) {
            return FailureKind.VALIDATION_ERROR;
        }
        return FailureKind.UNKNOWN;
    }
}
