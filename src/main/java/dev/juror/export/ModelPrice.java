package dev.juror.export;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Prices of one judge model per 1,000 tokens, in the table's currency. An empty price is unknown,
 * which is not the same as free: a cost that needs it is reported as unknown.
 *
 * @param key     the table key that matched (a model or profile id, or a base model id)
 * @param example the entry is marked {@code example: true}: not checked against a current price list
 */
public record ModelPrice(String key, OptionalDouble inputPer1k, OptionalDouble outputPer1k,
                         OptionalDouble cacheReadPer1k, OptionalDouble cacheWritePer1k, boolean example, String note) {

    public ModelPrice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(inputPer1k, "inputPer1k");
        Objects.requireNonNull(outputPer1k, "outputPer1k");
        Objects.requireNonNull(cacheReadPer1k, "cacheReadPer1k");
        Objects.requireNonNull(cacheWritePer1k, "cacheWritePer1k");
        note = note == null ? "" : note;
    }
}
