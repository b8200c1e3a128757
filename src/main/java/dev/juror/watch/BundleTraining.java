package dev.juror.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The calls per training step a Lambda bundle was planned for, from its {@code training-overrides.json}:
 * prompts per step ({@code global_batch_size}) x generations per prompt ({@code number_generation}),
 * one reward call per rollout.
 */
public final class BundleTraining {

    public static final String OVERRIDES = "training-overrides.json";
    /** The bundle's manifest; its {@code handler_id} is what the bundle's reward records carry as {@code bundle}. */
    public static final String MANIFEST = "MANIFEST.json";

    private BundleTraining() {
    }

    public static int callsPerStep(Path bundle) {
        Path file = bundle.resolve(OVERRIDES);
        if (!Files.isRegularFile(file)) {
            throw new WatchInputException(bundle.toString(), "no " + OVERRIDES + " (is it an exported Lambda bundle?)");
        }
        JsonNode overrides;
        try {
            overrides = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new WatchInputException(file.toString(), "not JSON: " + e.getMessage());
        }
        JsonNode prompts = overrides.path("global_batch_size");
        JsonNode generations = overrides.path("number_generation");
        if (!prompts.canConvertToInt() || !generations.canConvertToInt() || prompts.intValue() <= 0
                || generations.intValue() <= 0) {
            throw new WatchInputException(file.toString(), "needs whole numbers > 0 in 'global_batch_size' and "
                    + "'number_generation'");
        }
        return Math.multiplyExact(prompts.intValue(), generations.intValue());
    }

    /**
     * The id the bundle's handler writes into every reward record ({@code bundle}): {@code handler_id} in
     * its {@code MANIFEST.json}; empty for a bundle without one (exported before handler ids existed).
     */
    public static Optional<String> handlerId(Path bundle) {
        Path file = bundle.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String id = new ObjectMapper().readTree(file.toFile()).path("handler_id").asText("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new WatchInputException(file.toString(), "not JSON: " + e.getMessage());
        }
    }
}
