package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The planner's arithmetic against fixtures computed by hand (the comments show the working). */
class BudgetPlanTest {

    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final ModelPrice SONNET = new ModelPrice("anthropic.claude-sonnet-4-5-20250929-v1:0",
            OptionalDouble.of(0.003), OptionalDouble.of(0.015), OptionalDouble.of(0.0003), OptionalDouble.of(0.00375),
            false, "");
    private static final PriceTable PRICES = new PriceTable("test-prices.yaml", "USD", Map.of(SONNET.key(), SONNET));

    /** Measured: 1000 input, 500 output, 3000 cache read, 0 cache write per call; 4,500 tokens per call. */
    private static JudgeUsage measured() {
        return new JudgeUsage(JudgeUsage.Source.MEASURED, 20, 2, 0, TokenDistribution.exactly(1000),
                TokenDistribution.exactly(500), TokenDistribution.exactly(3000), TokenDistribution.ZERO,
                Optional.of(TokenDistribution.exactly(6000)), "measured: 20 ok results");
    }

    private static BudgetPlan plan(int batch, int rpm, long tpm, int latencyMs, OptionalInt concurrency, JudgeUsage usage,
                                   PriceTable prices) {
        return new BudgetPlan(new BudgetInputs(MODEL, "contract-review version x", new TrainingShape(64, 8, 10, batch),
                new JudgeQuota(rpm, tpm), 60, new JudgeLatency(latencyMs, "test"), concurrency, usage, prices));
    }

    @Test
    void derivedConcurrencyMeetsTheTargetWithinTheQuota() {
        BudgetPlan p = plan(128, 1000, 0, 6000, OptionalInt.empty(), measured(), PRICES);
        assertThat(p.callsPerStep()).isEqualTo(512);                  // 64 x 8
        assertThat(p.callsForRun()).isEqualTo(5120);                  // x 10 steps
        assertThat(p.invocationsPerStep()).isEqualTo(4);              // ceil(512 / 128)
        assertThat(p.requiredRequestsPerMinute()).isCloseTo(512, within(1e-9));        // 512 / 60 s x 60
        assertThat(p.requiredTokensPerMinute()).isCloseTo(2_304_000, within(1e-6));    // 512 x 4500
        assertThat(p.quotaInFlight()).isCloseTo(100, within(1e-9));   // 1000 / 60 x 6 s
        assertThat(p.requiredInFlight()).isEqualTo(52);               // ceil(512 x 6 / 60) = ceil(51.2)
        assertThat(p.plannedInFlight()).isEqualTo(52);
        assertThat(p.lambdaConcurrencyLimit()).isEqualTo(4);          // min(I = 4, N = 52)
        assertThat(p.callsInFlightPerInvocation()).isEqualTo(13);     // ceil(52 / 4)
        assertThat(p.handlerConcurrency()).isEqualTo(13);
        assertThat(p.judgeCallsInFlight()).isEqualTo(52);
        assertThat(p.invocationSeconds()).isCloseTo(60, within(1e-9));       // ceil(128 / 13) = 10 waves x 6 s
        assertThat(p.estimatedStepSeconds()).isCloseTo(60, within(1e-9));    // max(1 x 60, 512 / 1000 x 60 = 30.72)
        assertThat(p.estimatedRunHours()).isCloseTo(60.0 * 10 / 3600, within(1e-12));
        assertThat(p.quotaMeetsTarget()).isTrue();
        assertThat(p.tokenQuotaBinds()).isFalse();
        // no samples were measured here: the batch size is taken as given, and said to be unchecked
        assertThat(p.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("--judge-tpm"))
                .anySatisfy(w -> assertThat(w).startsWith("No samples to measure the Lambda event size"));
    }

    @Test
    void costWithAndWithoutCaching() {
        BudgetPlan p = plan(128, 1000, 0, 6000, OptionalInt.empty(), measured(), PRICES);
        // with caching: (1000 x 0.003 + 3000 x 0.0003 + 0 x 0.00375 + 500 x 0.015) / 1000 = 11.4 / 1000
        Cost.Known with = (Cost.Known) p.costWithCaching();
        assertThat(with.perCall()).isCloseTo(0.0114, within(1e-12));
        assertThat(with.perStep()).isCloseTo(0.0114 * 512, within(1e-9));
        assertThat(with.perRun()).isCloseTo(0.0114 * 5120, within(1e-9));
        assertThat(with.example()).isFalse();
        // without: (4000 x 0.003 + 500 x 0.015) / 1000 = 19.5 / 1000
        Cost.Known without = (Cost.Known) p.costWithoutCaching();
        assertThat(without.perCall()).isCloseTo(0.0195, within(1e-12));
        assertThat(without.perRun()).isCloseTo(0.0195 * 5120, within(1e-9));
        assertThat(measured().cachedShare()).isCloseTo(0.75, within(1e-12));   // 3000 / 4000
    }

    @Test
    void tokenQuotaThatCannotMeetTheTargetLowersTheConcurrencyAndWarns() {
        // 900,000 tpm / 4,500 tokens per call = 200 calls per minute < 1000 rpm
        BudgetPlan p = plan(128, 1000, 900_000, 6000, OptionalInt.empty(), measured(), PRICES);
        assertThat(p.tokenQuotaBinds()).isTrue();
        assertThat(p.quotaRequestsPerMinute()).isCloseTo(200, within(1e-9));
        assertThat(p.quotaInFlight()).isCloseTo(20, within(1e-9));   // 200 / 60 x 6
        assertThat(p.plannedInFlight()).isEqualTo(20);                // min(52, 20)
        assertThat(p.lambdaConcurrencyLimit()).isEqualTo(4);
        assertThat(p.callsInFlightPerInvocation()).isEqualTo(5);      // 20 / 4
        assertThat(p.invocationSeconds()).isCloseTo(156, within(1e-9));      // ceil(128 / 5) = 26 x 6
        assertThat(p.estimatedStepSeconds()).isCloseTo(156, within(1e-9));   // max(156, 512 / 200 x 60 = 153.6)
        assertThat(p.quotaMeetsTarget()).isFalse();
        assertThat(String.join("\n", p.warnings())).contains("cannot meet the target of 60 s")
                .contains("512 requests and 2,304,000 tokens per minute").contains("admits 200 requests")
                .contains("limited by the token quota").contains("about 156 s per step");
    }

    @Test
    void oneSamplePerInvocationGivesTheArticlesOrderOfMagnitude() {
        // seed article: 64 prompts x 8 rollouts; one sample per invocation, 12 s per judge call
        BudgetPlan p = plan(1, 1000, 0, 12_000, OptionalInt.empty(), measured(), PRICES);
        assertThat(p.invocationsPerStep()).isEqualTo(512);
        assertThat(p.requiredInFlight()).isEqualTo(103);             // ceil(512 x 12 / 60) = ceil(102.4)
        assertThat(p.lambdaConcurrencyLimit()).isEqualTo(103);       // min(512, 103)
        assertThat(p.callsInFlightPerInvocation()).isEqualTo(1);
        assertThat(p.estimatedStepSeconds()).isCloseTo(60, within(1e-9));    // ceil(512 / 103) = 5 waves x 12 s
    }

    @Test
    void givenConcurrencyFixesCallsPerInvocationAndDerivesTheLimit() {
        BudgetPlan p = plan(128, 1200, 0, 6000, OptionalInt.of(32), measured(), PRICES);
        assertThat(p.plannedInFlight()).isEqualTo(52);
        assertThat(p.callsInFlightPerInvocation()).isEqualTo(32);    // min(32, 128)
        assertThat(p.lambdaConcurrencyLimit()).isEqualTo(2);          // min(4, ceil(52 / 32))
        assertThat(p.handlerConcurrency()).isEqualTo(32);
        assertThat(p.invocationSeconds()).isCloseTo(24, within(1e-9));       // ceil(128 / 32) = 4 x 6
        assertThat(p.estimatedStepSeconds()).isCloseTo(48, within(1e-9));    // ceil(4 / 2) x 24
    }

    @Test
    void roundingUpNeverPlansMoreCallsInFlightThanTheQuotaCarries() {
        // 500 rpm x 5 s = 41.67 in flight: N = 41; limit 4; ceil(41 / 4) = 11 -> 44 > 41, so k = 10
        BudgetPlan p = plan(128, 500, 0, 5000, OptionalInt.empty(), measured(), PRICES);
        assertThat(p.requiredInFlight()).isEqualTo(43);              // ceil(512 x 5 / 60) = ceil(42.67)
        assertThat(p.plannedInFlight()).isEqualTo(41);
        assertThat(p.lambdaConcurrencyLimit()).isEqualTo(4);
        assertThat(p.callsInFlightPerInvocation()).isEqualTo(10);
        assertThat(p.judgeCallsInFlight()).isLessThanOrEqualTo((long) p.quotaInFlight());
        assertThat(p.estimatedStepSeconds()).isCloseTo(65, within(1e-9));    // ceil(128 / 10) = 13 x 5 s
        assertThat(p.quotaMeetsTarget()).isFalse();                           // 500 < 512 requests per minute
    }

    @Test
    void aJudgeSlowerThanTheTargetAndAnInvocationPastTheTimeoutAreWarnedAbout() {
        BudgetPlan slow = plan(128, 1000, 0, 90_000, OptionalInt.empty(), measured(), PRICES);
        assertThat(slow.latencyExceedsTarget()).isTrue();
        assertThat(slow.quotaMeetsTarget()).isFalse();
        assertThat(slow.requiredInFlight()).isEqualTo(512);           // min(C, ceil(512 x 90 / 60) = 768)
        assertThat(String.join("\n", slow.warnings())).contains("longer than the target of 60 s");

        // 10 rpm x 20 s = 3.33 in flight: N = 3, limit 3, k = 1; one invocation = 128 x 20 s = 2560 s > 890 s
        BudgetPlan starved = plan(128, 10, 0, 20_000, OptionalInt.empty(), measured(), PRICES);
        assertThat(starved.lambdaConcurrencyLimit()).isEqualTo(3);
        assertThat(starved.callsInFlightPerInvocation()).isEqualTo(1);
        assertThat(starved.invocationSeconds()).isCloseTo(2560, within(1e-9));
        assertThat(starved.invocationRisksTimeout()).isTrue();
        assertThat(String.join("\n", starved.warnings())).contains("Lambda timeout of 900 s");
    }

    @Test
    void anUnknownModelHasAnUnknownCostNotZero() {
        PriceTable other = new PriceTable("prices.yaml", "USD", Map.of("amazon.nova-pro-v1:0", new ModelPrice(
                "amazon.nova-pro-v1:0", OptionalDouble.of(0.0008), OptionalDouble.of(0.0032), OptionalDouble.empty(),
                OptionalDouble.empty(), false, "")));
        BudgetPlan p = plan(128, 1000, 0, 6000, OptionalInt.empty(), measured(), other);
        assertThat(p.costWithCaching()).isInstanceOf(Cost.Unknown.class);
        assertThat(((Cost.Unknown) p.costWithCaching()).reason()).contains("add the model " + MODEL)
                .contains("prices.yaml");
        assertThat(p.costWithoutCaching()).isInstanceOf(Cost.Unknown.class);
        assertThat(p.markdown(false)).contains("unknown: add the model").doesNotContain("0.0000 USD");
        assertThat(BudgetJson.of(p).get("cost").get("with_caching").has("unknown")).isTrue();
        assertThat(BudgetJson.of(p).get("cost").get("with_caching").has("per_call")).isFalse();
    }

    @Test
    void aMissingCachePriceLeavesOnlyTheCachedCostUnknown() {
        ModelPrice noCache = new ModelPrice(SONNET.key(), OptionalDouble.of(0.003), OptionalDouble.of(0.015),
                OptionalDouble.empty(), OptionalDouble.empty(), true, "");
        BudgetPlan p = plan(128, 1000, 0, 6000, OptionalInt.empty(), measured(),
                new PriceTable("p.yaml", "USD", Map.of(noCache.key(), noCache)));
        assertThat(((Cost.Unknown) p.costWithCaching()).reason()).contains("cache_read_per_1k")
                .doesNotContain("cache_write_per_1k");   // no cache writes measured, so that price is not needed
        assertThat(((Cost.Known) p.costWithoutCaching()).perCall()).isCloseTo(0.0195, within(1e-12));
    }

    @Test
    void anEstimateIsSaidToBeOneEverywhere() {
        BudgetPlan p = plan(128, 1000, 0, 6000, OptionalInt.empty(), JudgeUsage.estimated(4000, 1500, "ESTIMATED: test"),
                PRICES);
        assertThat(p.warnings().get(0)).contains("ESTIMATED, not measured");
        assertThat(p.markdown(false)).contains("**Source: ESTIMATED: test.**");
        assertThat(BudgetJson.of(p).get("tokens").get("source").asText()).isEqualTo("estimated");
        // (4000 x 0.003 + 1500 x 0.015) / 1000, the same with and without caching
        assertThat(((Cost.Known) p.costWithCaching()).perCall()).isCloseTo(0.0345, within(1e-12));
        assertThat(((Cost.Known) p.costWithoutCaching()).perCall()).isCloseTo(0.0345, within(1e-12));
    }

    @Test
    void budgetMarkdownShowsFormulasAndTheDerivedLimit() {
        String md = plan(128, 1000, 0, 6000, OptionalInt.empty(), measured(), PRICES).markdown(true);
        assertThat(md).startsWith("> **UNVALIDATED**")
                .contains("| **lambda_concurrency_limit** | **4** | min(I, N) |")
                .contains("| k, calls in flight per invocation | 13 | ceil(N / limit)")
                .contains("| judge calls in flight needed | 52 | ceil(C x L / T)")
                .contains("| with prompt caching | 0.0114 USD | 5.84 USD | 58.37 USD |")
                .contains("| without prompt caching | 0.0195 USD | 9.98 USD | 99.84 USD |")
                .contains("Cached prefix share = cache read / (input + cache read + cache write) = 75.0 %");
    }

    @Test
    void jsonHasNoNanEvenWithoutTokens() {
        BudgetPlan p = plan(128, 1000, 100_000, 6000, OptionalInt.empty(), JudgeUsage.estimated(0, 0, "none"), PRICES);
        String json = BudgetJson.of(p).toString();
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(p.tokenQuotaBinds()).isFalse();
    }

    @Test
    void badInputsAreRefusedWithTheOptionName() {
        assertThatThrownBy(() -> new TrainingShape(64, 8, 10, 0)).hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> new JudgeQuota(0, 0)).hasMessageContaining("--judge-rpm");
        assertThatThrownBy(() -> new BudgetInputs(MODEL, "", new TrainingShape(1, 1, 1, 1), new JudgeQuota(1, 0), 0,
                new JudgeLatency(1, ""), OptionalInt.empty(), measured(), PRICES))
                .hasMessageContaining("--target-step-seconds");
        assertThatThrownBy(() -> new BudgetInputs(MODEL, "", new TrainingShape(1, 1, 1, 1), new JudgeQuota(1, 0), 60,
                new JudgeLatency(1, ""), OptionalInt.of(0), measured(), PRICES)).hasMessageContaining("--concurrency");
    }
}
