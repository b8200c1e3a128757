package dev.juror.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A folder of an S3 bucket, {@code s3://bucket/prefix}, where batch judge runs put their input and output,
 * and which the batch IAM policies are scoped to. The prefix is written into resource ARNs and an
 * {@code s3:prefix} condition, where {@code *}, {@code ?} and {@code ${...}} would widen the grant, so they
 * are refused, and so is a bare bucket: the point of the policies is to grant one folder, not the bucket.
 *
 * @param bucket the bucket name
 * @param prefix the folder inside it, without leading or trailing slash
 */
public record S3Prefix(String bucket, String prefix) {

    /** Shown in the policies when no prefix was given; the bundle's README says what to put there. */
    public static final S3Prefix PLACEHOLDER = new S3Prefix("<BUCKET>", "<PREFIX>");

    /** S3's rule for bucket names in general-purpose buckets: 3 to 63 of a-z 0-9 . -, a letter or digit at both ends. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Prefix {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * Reads {@code s3://bucket/prefix}.
     *
     * @throws IllegalArgumentException one sentence naming the value and what to give instead
     */
    public static S3Prefix parse(String uri) {
        String example = "; give a folder of a bucket, e.g. s3://my-bucket/juror-batch";
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an s3:// address" + example);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
            throw new IllegalArgumentException("'" + bucket + "' in '" + uri + "' is not an S3 bucket name (3 to 63 "
                    + "lower-case letters, digits, dots and hyphens)" + example);
        }
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("'" + uri + "' names a whole bucket; the batch policies grant one "
                    + "folder of it only" + example);
        }
        if (prefix.startsWith("/") || prefix.contains("*") || prefix.contains("?") || prefix.contains("${")
                || prefix.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the folder '" + prefix + "' of '" + uri + "' holds a leading slash, "
                    + "an IAM wildcard (* or ?), a policy variable (${) or a control character, which would change "
                    + "what the policies grant" + example);
        }
        return new S3Prefix(bucket, prefix);
    }

    /** {@code arn:aws:s3:::bucket}: what {@code s3:ListBucket} is granted on. */
    public String bucketArn() {
        return "arn:aws:s3:::" + bucket;
    }

    /** {@code arn:aws:s3:::bucket/prefix/*}: every object under the folder. */
    public String objectsArn() {
        return bucketArn() + "/" + prefix + "/*";
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
