package dev.juror.testing.batch;

import dev.juror.testing.batch.StubObjectFiles.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One page of ListObjectsV2 for a bucket, as S3 answers it: keys in UTF-8 binary (here: String) order,
 * at most {@code max-keys} entries per page, common prefixes when a delimiter is given, and an opaque
 * continuation token naming the last entry of the page.
 */
final class S3Listing {

    static final int MAX_KEYS = 1000;

    private S3Listing() {
    }

    /** The ListBucketResult XML for the request's query parameters. */
    static String page(String bucketName, NavigableMap<String, StoredObject> bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.getOrDefault("delimiter", "");
        int maxKeys = Math.min(MAX_KEYS, Math.max(0, Integer.parseInt(query.getOrDefault("max-keys", "1000"))));
        String token = query.get("continuation-token");
        String after = token != null ? decodeToken(token) : query.get("start-after");

        StringBuilder entries = new StringBuilder();
        int count = 0;
        boolean truncated = false;
        String last = null;
        String lastPrefix = token != null && after.startsWith("P:") ? after.substring(2) : null;
        String from = after == null ? prefix : after.substring(token != null ? 2 : 0);
        NavigableMap<String, StoredObject> view = from.compareTo(prefix) < 0 ? bucket.tailMap(prefix, true)
                : bucket.tailMap(from, after == null);
        for (Map.Entry<String, StoredObject> e : view.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            int cut = delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && common.equals(lastPrefix)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            count++;
            if (common != null) {
                entries.append("<CommonPrefixes><Prefix>").append(xml(common)).append("</Prefix></CommonPrefixes>");
                lastPrefix = common;
                last = "P:" + common;
            } else {
                StoredObject o = e.getValue();
                entries.append("<Contents><Key>").append(xml(key)).append("</Key><LastModified>")
                        .append(DateTimeFormatter.ISO_INSTANT.format(o.lastModified())).append("</LastModified><ETag>")
                        .append(xml(o.etag())).append("</ETag><Size>").append(o.size())
                        .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
                last = "K:" + key;
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append("<Name>").append(xml(bucketName)).append("</Name><Prefix>").append(xml(prefix)).append("</Prefix>");
        if (!delimiter.isEmpty()) {
            xml.append("<Delimiter>").append(xml(delimiter)).append("</Delimiter>");
        }
        xml.append("<MaxKeys>").append(maxKeys).append("</MaxKeys><KeyCount>").append(count)
                .append("</KeyCount><IsTruncated>").append(truncated).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(xml(token)).append("</ContinuationToken>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(encodeToken(last)).append("</NextContinuationToken>");
        }
        if (query.containsKey("start-after")) {
            xml.append("<StartAfter>").append(xml(query.get("start-after"))).append("</StartAfter>");
        }
        return xml.append(entries).append("</ListBucketResult>").toString();
    }

    private static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("K:") || decoded.startsWith("P:")) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("The continuation token provided is incorrect");
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
