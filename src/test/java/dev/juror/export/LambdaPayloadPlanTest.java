package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue #18 §7: one synchronous invoke carries at most 6 MB, so the plan's lambda_batch_size comes
 * from the measured event bytes per sample, and a sample too large on its own is refused.
 */
class LambdaPayloadPlanTest {

    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private static ExportSample sample(String id, int contractBytes) {
        return new ExportSample(id, "You review contracts.", "x".repeat(contractBytes), "Playbook.", "",
                List.of("[{\"comment_id\": \"c1\"}]"));
    }

    private static BudgetPlan plan(int batch, EventSize size) {
        JudgeUsage usage = new JudgeUsage(JudgeUsage.Source.MEASURED, 20, 2, 0, TokenDistribution.exactly(1000),
                TokenDistribution.exactly(500), TokenDistribution.ZERO, TokenDistribution.ZERO,
                java.util.Optional.of(TokenDistribution.exactly(6000)), "measured: 20 ok results");
        return new BudgetPlan(new BudgetInputs(MODEL, "r", new TrainingShape(64, 8, 10, batch), new JudgeQuota(500, 0),
                60, new JudgeLatency(5000, "test"), OptionalInt.empty(), usage,
                new PriceTable("p.yaml", "USD", Map.of()), size));
    }

    @Test
    void theEventBytesAreThoseOfTheSampleAsTheTrainerSendsIt() throws Exception {
        ExportSample s = sample("big", 1000);
        EventSize size = EventSize.of(List.of(sample("small", 10), s));
        byte[] serialised = new ObjectMapper().writeValueAsBytes(NovaRows.eventSample(s, 0, false));
        assertThat(size.maxBytesPerSample()).isEqualTo(serialised.length + 1);
        assertThat(size.largestSampleId()).isEqualTo("big");
        assertThat(size.samplesMeasured()).isEqualTo(2);
        // multi-byte characters count as the bytes they take on the wire
        ExportSample accents = new ExportSample("u", "You review contracts.", "é".repeat(100), "Playbook.", "",
                List.of("[{\"comment_id\": \"c1\"}]"));
        assertThat(EventSize.of(List.of(accents)).maxBytesPerSample())
                .isEqualTo(EventSize.of(List.of(sample("u", 200))).maxBytesPerSample());
    }

    @Test
    void aFourMegabyteContractLeavesOneSamplePerInvocation() {
        // Before: lambda_batch_size stayed 128, i.e. a 512 MB event that fails every invocation.
        BudgetPlan p = plan(128, EventSize.of(List.of(sample("huge", 4 * 1024 * 1024), sample("small", 1000))));
        assertThat(p.lambdaBatchSize()).isEqualTo(1);
        assertThat(p.batchSizeLoweredByPayload()).isTrue();
        assertThat(p.eventBytesPerInvocation()).isLessThanOrEqualTo(BudgetPlan.payloadBudgetBytes());
        assertThat(p.invocationsPerStep()).isEqualTo(64 * 8);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).startsWith("lambda_batch_size lowered from 128 to 1:")
                .contains("(huge)"));
        JsonNode json = BudgetJson.of(p);
        assertThat(json.at("/payload/lambda_batch_size").asInt()).isEqualTo(1);
        assertThat(json.at("/payload/requested_batch_size").asInt()).isEqualTo(128);
        assertThat(json.at("/payload/budget_bytes").asLong()).isEqualTo(5_033_164L);
        assertThat(p.markdown(false)).contains("| **`lambda_batch_size`** (samples per invocation) | **1** (lowered by"
                + " the 6 MB payload limit) |").contains("## Lambda payload");
    }

    @Test
    void theBatchIsTheBudgetOverTheLargestSampleCappedByTheAskedSize() {
        EventSize size = EventSize.of(List.of(sample("a", 100_000)));
        long expected = 5_033_164L / size.maxBytesPerSample();
        assertThat(plan(128, size).lambdaBatchSize()).isEqualTo((int) expected);
        assertThat(expected).isBetween(40L, 60L);
        assertThat(plan(16, size).lambdaBatchSize()).isEqualTo(16);
        assertThat(plan(16, size).batchSizeLoweredByPayload()).isFalse();
        assertThat(plan(128, EventSize.of(List.of(sample("tiny", 10)))).lambdaBatchSize()).isEqualTo(128);
    }

    @Test
    void aSampleLargerThanThePayloadBudgetAloneIsRefusedWithTheReason() {
        EventSize size = EventSize.of(List.of(sample("cr-99-giant", 5_100_000)));
        assertThatThrownBy(() -> plan(128, size)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sample cr-99-giant is 5,100,")
                .hasMessageContaining("more than the 5,033,164 bytes (80 % of the 6 MB synchronous invoke limit)")
                .hasMessageContaining("shorten its documents");
    }

    @Test
    void withoutSamplesTheAskedSizeStandsAndAWarningSaysItIsUnchecked() {
        BudgetPlan p = plan(128, EventSize.UNMEASURED);
        assertThat(p.lambdaBatchSize()).isEqualTo(128);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).startsWith("No samples to measure the Lambda event size"));
        assertThat(BudgetJson.of(p).at("/payload/samples_fitting").isNull()).isTrue();
    }
}
