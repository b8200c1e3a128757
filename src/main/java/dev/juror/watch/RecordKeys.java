package dev.juror.watch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity of a reward record within a run: the first 8 bytes of the SHA-256 of its sample id,
 * prediction hash and timestamp. The same record logged twice (or a file imported again) has the
 * same key; two different records share one with a probability of about n^2 / 2^65 (1e-7 for a
 * million records).
 */
public final class RecordKeys {

    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RecordKeys() {
    }

    public static long of(RewardRecord r) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        String key = r.sampleId() + '\u0000' + r.predictionSha256() + '\u0000' + r.timestamp();
        return ByteBuffer.wrap(digest.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
