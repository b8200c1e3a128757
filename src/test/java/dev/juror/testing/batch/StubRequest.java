package dev.juror.testing.batch;

/**
 * One request a loopback stub received, for assertions: the method, the decoded path, the raw
 * query string ({@code ""} when none) and, for the Bedrock stub, the JSON body ({@code ""} for S3,
 * whose bodies may be large).
 */
public record StubRequest(String method, String path, String query, String body) {

    /** {@code "GET /bucket/key"}: method and path, as a log line would show them. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
