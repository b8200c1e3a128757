package dev.juror.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Recognises the shape of one JSONL line by its keys. Checked in this order: {@code messages} means
 * Nova RFT; {@code sample_id} means a rollouts file; {@code target_document}, {@code rollouts},
 * {@code system_prompt} or {@code reference_document} mean Juror's own format.
 */
final class LineShapes {

    private LineShapes() {
    }

    static Optional<ImportFormat> of(JsonNode line) {
        if (line.has("messages")) {
            return Optional.of(ImportFormat.NOVA_RFT);
        }
        if (line.has("sample_id")) {
            return Optional.of(ImportFormat.ROLLOUTS);
        }
        if (line.has("target_document") || line.has("rollouts") || line.has("system_prompt")
                || line.has("reference_document")) {
            return Optional.of(ImportFormat.JUROR);
        }
        return Optional.empty();
    }

    static String name(ImportFormat format) {
        return switch (format) {
            case JUROR -> "Juror samples";
            case NOVA_RFT -> "Nova RFT";
            case ROLLOUTS -> "a rollouts file";
            case UNKNOWN -> "unknown";
        };
    }

    static String describe(ImportFormat format) {
        return switch (format) {
            case JUROR -> "a Juror sample line";
            case NOVA_RFT -> "a Nova RFT line";
            case ROLLOUTS -> "a rollouts-file line";
            case UNKNOWN -> "an unrecognised line";
        };
    }
}
