package dev.juror.batch;

import java.util.Objects;

/**
 * An S3 object or prefix, {@code s3://bucket/key}. A prefix names a folder when its key ends with
 * {@code /} (or is empty: the bucket's root).
 */
public record S3Location(String bucket, String key) {

    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("\"" + bucket + "\" is not an S3 bucket name (3-63 characters:"
                    + " lower-case letters, digits, dots and hyphens)");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("s3://" + bucket + "/" + key + ": the key must not start with /");
        }
    }

    /**
     * Reads {@code s3://bucket} or {@code s3://bucket/prefix}; a prefix is taken as a folder.
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static S3Location parseFolder(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (!trimmed.startsWith("s3://")) {
            throw new IllegalArgumentException("\"" + text + "\" is not an S3 location; write s3://bucket/prefix");
        }
        String rest = trimmed.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (!key.isEmpty() && !key.endsWith("/")) {
            key = key + "/";
        }
        return new S3Location(bucket, key);
    }

    /** Reads {@code s3://bucket/key} as it is (an object, or a folder when it ends with /). */
    public static S3Location parse(String text) {
        S3Location folder = parseFolder(text);
        String trimmed = text.trim();
        return trimmed.endsWith("/") || folder.key.isEmpty() ? folder
                : new S3Location(folder.bucket, folder.key.substring(0, folder.key.length() - 1));
    }

    /** The object or folder {@code name} under this folder ({@code name} may end with / for a folder). */
    public S3Location resolve(String name) {
        String folder = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return new S3Location(bucket, folder + name);
    }

    /** The last part of the key (the file name), without a trailing /. */
    public String name() {
        String trimmed = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}
