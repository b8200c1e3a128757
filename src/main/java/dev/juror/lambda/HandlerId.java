package dev.juror.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.ContentHash;

/**
 * The id the reward records name their bundle by ({@code juror.bundle}): SHA-256 of the handler's
 * configuration as {@link LambdaConfig#toJson()} writes it (compact), which holds the rubric YAML,
 * its version, the rendered judge prompt, the judge model and every setting.
 *
 * <p>Why not the hash of {@code MANIFEST.json}, as issue #13 first said: the manifest lists the
 * zip's SHA-256, so the zip cannot contain the manifest's hash. The export writes this id into
 * {@code juror-reward.json} ({@code handler_id}, left out of the hashed form) and into
 * {@code MANIFEST.json} ({@code handler_id}); the handler recomputes it at init from what it read,
 * so the id in a record always describes the configuration that actually scored. See docs/lambda.md.
 */
public final class HandlerId {

    /** The member of {@code juror-reward.json} and {@code MANIFEST.json} that carries the id. */
    public static final String FIELD = "handler_id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HandlerId() {
    }

    /** 64 lower-case hex digits. */
    public static String of(LambdaConfig config) {
        try {
            return ContentHash.of(JSON.writeValueAsString(config.toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the reward configuration: " + e.getMessage(), e);
        }
    }
}
