package dev.juror.testing.batch;

/** An S3 error answer: HTTP status, S3 error code (NoSuchKey, AccessDenied, ...) and message. */
record S3Error(int status, String code, String message) {
}
