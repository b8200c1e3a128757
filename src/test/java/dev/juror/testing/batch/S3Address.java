package dev.juror.testing.batch;

/**
 * An {@code s3://bucket/key} address split into bucket and key (the key may be empty or a prefix).
 */
public record S3Address(String bucket, String key) {

    public static S3Address parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("no bucket in " + uri);
        }
        return new S3Address(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    /** The key as a folder: ends with {@code /} unless empty. */
    public String folder() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
