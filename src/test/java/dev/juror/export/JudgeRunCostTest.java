package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class JudgeRunCostTest {

    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final ModelPrice SONNET = new ModelPrice("anthropic.claude-sonnet-4-5-20250929-v1:0",
            OptionalDouble.of(0.003), OptionalDouble.of(0.015), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.of(0.0015), OptionalDouble.of(0.0075), true, "");

    @Test
    void onDemandAndBatchCostsSideBySide() {
        JudgeRunCost c = JudgeRunCost.of(240, 2000, 500, MODEL,
                new PriceTable("p.yaml", "USD", Map.of(SONNET.key(), SONNET)));
        // on demand: (2000 x 0.003 + 500 x 0.015) / 1000 = 0.0135 per call, x 240 = 3.24
        JudgeRunCost.Amount.Known onDemand = (JudgeRunCost.Amount.Known) c.onDemand();
        assertThat(onDemand.perCall()).isCloseTo(0.0135, offset(1e-12));
        assertThat(onDemand.total()).isCloseTo(3.24, offset(1e-9));
        // batch: (2000 x 0.0015 + 500 x 0.0075) / 1000 = 0.00675 per call, x 240 = 1.62
        JudgeRunCost.Amount.Known batch = (JudgeRunCost.Amount.Known) c.batch();
        assertThat(batch.perCall()).isCloseTo(0.00675, offset(1e-12));
        assertThat(batch.total()).isCloseTo(1.62, offset(1e-9));
        assertThat(c.examplePrices()).isTrue();
        assertThat(c.meetsBatchMinimum()).isTrue();
    }

    @Test
    void aMissingBatchPriceLeavesOnlyTheBatchCostUnknownNeverZero() {
        ModelPrice onDemandOnly = new ModelPrice("amazon.nova-pro-v1:0", OptionalDouble.of(0.0008),
                OptionalDouble.of(0.0032), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(0.0004),
                OptionalDouble.empty(), false, "");
        JudgeRunCost c = JudgeRunCost.of(100, 1000, 100, "amazon.nova-pro-v1:0", Optional.of(onDemandOnly), "p.yaml");
        assertThat(c.onDemand()).isInstanceOf(JudgeRunCost.Amount.Known.class);
        assertThat(c.batch()).isInstanceOfSatisfying(JudgeRunCost.Amount.Unknown.class, u -> assertThat(u.reason())
                .contains("\"amazon.nova-pro-v1:0\"").contains("p.yaml").contains("batch_output_per_1k")
                .doesNotContain("batch_input_per_1k"));
        assertThat(c.examplePrices()).isFalse();
    }

    @Test
    void anUnpricedModelHasBothCostsUnknown() {
        JudgeRunCost c = JudgeRunCost.of(5, 1000, 100, "my.judge", Optional.empty(), "prices.yaml");
        assertThat(c.onDemand()).isInstanceOfSatisfying(JudgeRunCost.Amount.Unknown.class,
                u -> assertThat(u.reason()).contains("add the model my.judge to prices.yaml"));
        assertThat(c.batch()).isInstanceOf(JudgeRunCost.Amount.Unknown.class);
    }

    @Test
    void theBatchMinimumIsAHundredRecords() {
        Optional<ModelPrice> p = Optional.of(SONNET);
        assertThat(JudgeRunCost.of(99, 1, 1, MODEL, p, "p").meetsBatchMinimum()).isFalse();
        assertThat(JudgeRunCost.of(100, 1, 1, MODEL, p, "p").meetsBatchMinimum()).isTrue();
        assertThat(JudgeRunCost.BATCH_MINIMUM_RECORDS).isEqualTo(100);
    }
}
