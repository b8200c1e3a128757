package dev.juror.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a judge run costs on demand and as an Amazon Bedrock batch job, side by side, from the number of
 * calls, the tokens of one call and the model's price table entry. Each cost is per call
 * {@code (input x p_in + output x p_out) / 1000} and for the run that times the calls; prompt caching is
 * left out (batch jobs do not use it, and an estimate should not assume cache hits). A cost whose price is
 * missing is {@link Amount.Unknown}, never zero.
 *
 * @param calls               judge calls of the run (items x repeats); a batch job holds one record per call
 * @param inputTokensPerCall  mean prompt tokens of one call
 * @param outputTokensPerCall mean (or at most) answer tokens of one call
 * @param onDemand            Converse on-demand cost
 * @param batch               batch inference cost
 * @param examplePrices       the prices come from an entry marked {@code example: true}
 */
public record JudgeRunCost(long calls, double inputTokensPerCall, double outputTokensPerCall, Amount onDemand,
                           Amount batch, boolean examplePrices) {

    /** Records a Bedrock batch job needs at the least (it was 1,000 until late 2024). */
    public static final int BATCH_MINIMUM_RECORDS = 100;

    /** A cost in the price table's currency, or why it cannot be given. */
    public sealed interface Amount {

        record Known(double perCall, double total) implements Amount {
        }

        record Unknown(String reason) implements Amount {
        }
    }

    public JudgeRunCost {
        Objects.requireNonNull(onDemand, "onDemand");
        Objects.requireNonNull(batch, "batch");
        if (calls < 0 || !(inputTokensPerCall >= 0) || !(outputTokensPerCall >= 0)) {
            throw new IllegalArgumentException("calls and tokens per call must be 0 or more");
        }
    }

    /**
     * The costs of {@code calls} calls with the price of {@code modelId} in {@code prices}.
     *
     * @param price the model's entry, empty when the table has none
     * @param where the price table's source, named in the reason of an unknown cost
     */
    public static JudgeRunCost of(long calls, double inputTokensPerCall, double outputTokensPerCall, String modelId,
                                  Optional<ModelPrice> price, String where) {
        if (price.isEmpty()) {
            Amount unknown = new Amount.Unknown("unknown: add the model " + modelId + " to " + where
                    + " (prices per 1,000 tokens; see docs/export.md)");
            return new JudgeRunCost(calls, inputTokensPerCall, outputTokensPerCall, unknown, unknown, false);
        }
        ModelPrice p = price.get();
        Amount onDemand = amount(calls, inputTokensPerCall, outputTokensPerCall, p.inputPer1k(), "input_per_1k",
                p.outputPer1k(), "output_per_1k", p, where);
        Amount batch = amount(calls, inputTokensPerCall, outputTokensPerCall, p.batchInputPer1k(), "batch_input_per_1k",
                p.batchOutputPer1k(), "batch_output_per_1k", p, where);
        return new JudgeRunCost(calls, inputTokensPerCall, outputTokensPerCall, onDemand, batch, p.example());
    }

    /** The costs of the model {@code modelId} with its entry of {@code table}. */
    public static JudgeRunCost of(long calls, double inputTokensPerCall, double outputTokensPerCall, String modelId,
                                  PriceTable table) {
        return of(calls, inputTokensPerCall, outputTokensPerCall, modelId, table.find(modelId), table.source());
    }

    /** Whether the run has the {@value #BATCH_MINIMUM_RECORDS} records a batch job needs. */
    public boolean meetsBatchMinimum() {
        return calls >= BATCH_MINIMUM_RECORDS;
    }

    private static Amount amount(long calls, double input, double output, OptionalDouble inputPrice, String inputName,
                                 OptionalDouble outputPrice, String outputName, ModelPrice p, String where) {
        List<String> missing = new ArrayList<>();
        double perCall = TokenPrice.of(input, inputPrice, inputName, missing)
                + TokenPrice.of(output, outputPrice, outputName, missing);
        if (!missing.isEmpty()) {
            return new Amount.Unknown("unknown: the entry \"" + p.key() + "\" in " + where + " has no "
                    + String.join(", ", missing) + "; fill in the price per 1,000 tokens");
        }
        return new Amount.Known(perCall, perCall * calls);
    }

}
