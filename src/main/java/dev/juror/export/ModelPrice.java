package dev.juror.export;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Prices of one judge model per 1,000 tokens, in the table's currency. An empty price is unknown,
 * which is not the same as free: a cost that needs it is reported as unknown.
 *
 * @param key              the table key that matched (a model or profile id, or a base model id)
 * @param batchInputPer1k  input price of Amazon Bedrock batch inference (about half of on demand for
 *                         supported models, but never assumed: empty = unknown)
 * @param batchOutputPer1k output price of batch inference; empty = unknown
 * @param example          the entry is marked {@code example: true}: not checked against a current price list
 */
public record ModelPrice(String key, OptionalDouble inputPer1k, OptionalDouble outputPer1k,
                         OptionalDouble cacheReadPer1k, OptionalDouble cacheWritePer1k,
                         OptionalDouble batchInputPer1k, OptionalDouble batchOutputPer1k, boolean example, String note) {

    public ModelPrice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(inputPer1k, "inputPer1k");
        Objects.requireNonNull(outputPer1k, "outputPer1k");
        Objects.requireNonNull(cacheReadPer1k, "cacheReadPer1k");
        Objects.requireNonNull(cacheWritePer1k, "cacheWritePer1k");
        Objects.requireNonNull(batchInputPer1k, "batchInputPer1k");
        Objects.requireNonNull(batchOutputPer1k, "batchOutputPer1k");
        note = note == null ? "" : note;
    }

    /** On-demand prices only; batch prices unknown. */
    public ModelPrice(String key, OptionalDouble inputPer1k, OptionalDouble outputPer1k, OptionalDouble cacheReadPer1k,
                      OptionalDouble cacheWritePer1k, boolean example, String note) {
        this(key, inputPer1k, outputPer1k, cacheReadPer1k, cacheWritePer1k, OptionalDouble.empty(),
                OptionalDouble.empty(), example, note);
    }
}
