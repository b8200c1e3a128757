package dev.juror.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: the key of documents, predictions and sample content. It lives in
 * {@code dataset} so the store and the judge (replay keys must equal {@code rollouts.prediction_hash})
 * share one definition; the reward Lambda, which has no store, can use it too.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of the text's UTF-8 bytes, 64 lower-case hex digits. */
    public static String of(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * SHA-256 over several parts, each prefixed by its length so that ("ab","c") and ("a","bc")
     * differ. A null part is distinguished from an empty one.
     */
    public static String ofParts(String... parts) {
        MessageDigest digest = digest();
        for (String part : parts) {
            if (part == null) {
                digest.update((byte) 0);
                continue;
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
