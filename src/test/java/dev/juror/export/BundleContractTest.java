package dev.juror.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.lambda.LambdaConfig;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, the bundle read as a user would: {@code juror-reward.json} says the neutral reward the
 * handler uses, {@code training-overrides.json} carries every setting the budget assumed, the SAM
 * template reserves the planned concurrency, and the README says where the ARN goes on Bedrock and
 * what a HyperPod cluster in a VPC needs.
 */
class BundleContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final Path RUBRIC_FILE = Path.of("rubrics/contract-review.yaml");

    @TempDir
    Path dir;
    private Rubric rubric;
    private String rubricYaml;

    @BeforeEach
    void read() throws Exception {
        rubricYaml = Files.readString(RUBRIC_FILE);
        rubric = new RubricYaml().read(RUBRIC_FILE);
    }

    /** 48 prompts x 6 generations x 30 steps, batches of 16; 1000 rpm at 6 s: limit 18 (ceil(288 / 16)). */
    private static BudgetPlan plan() {
        PriceTable prices = new PriceTable("test-prices.yaml", "USD", Map.of());
        return new BudgetPlan(new BudgetInputs(MODEL, "contract-review x", new TrainingShape(48, 6, 30, 16),
                new JudgeQuota(1000, 0), 60, new JudgeLatency(6000, "test"), OptionalInt.empty(),
                JudgeUsage.estimated(4000, 500, "test"), prices));
    }

    private LambdaBundleRequest request(BudgetPlan plan, boolean snapStart, int provisioned) {
        return new LambdaBundleRequest(rubric, rubricYaml, MODEL, LambdaBundleRequest.DEFAULT_FUNCTION_NAME, 8,
                Optional.of("eu-west-1"), Optional.of("123456789012"), 2048, snapStart, provisioned, false, plan,
                List.of(), false);
    }

    private Path export(LambdaBundleRequest r) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Files.write(jars.resolve("juror-lambda.jar"), new byte[] {1, 2, 3});
        Path out = dir.resolve("bundle");
        new LambdaBundleExporter(jars, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).export(r, out);
        return out;
    }

    @Test
    void rewardConfigurationShowsTheNeutralRewardTheHandlerUsesAndWhereItComesFrom() throws Exception {
        Path out = export(request(plan(), true, plan().lambdaConcurrencyLimit()));
        JsonNode config;
        try (ZipFile zip = new ZipFile(out.resolve(LambdaBundleExporter.ZIP).toFile())) {
            config = JSON.readTree(zip.getInputStream(zip.getEntry(LambdaConfig.RESOURCE)));
        }
        assertThat(config.get("neutral_reward").isNumber()).as("neutral_reward = " + config.get("neutral_reward")).isTrue();
        assertThat(config.get("neutral_reward").asDouble()).isEqualTo(rubric.checks().neutralReward());
        assertThat(config.get("neutral_reward_source").asText()).contains("checks.neutral_reward")
                .contains(config.get("rubric_version").asText());
        // The handler built from this file uses exactly that value.
        LambdaConfig read = LambdaConfig.fromJson(config);
        assertThat(read.neutralReward()).contains(rubric.checks().neutralReward());
    }

    @Test
    void trainingOverridesCarryEverySettingTheBudgetAssumed() throws Exception {
        BudgetPlan plan = plan();
        JsonNode o = JSON.readTree(export(request(plan, true, plan.lambdaConcurrencyLimit()))
                .resolve("training-overrides.json").toFile());
        assertThat(o.get("global_batch_size").asInt()).isEqualTo(48);
        assertThat(o.get("number_generation").asInt()).isEqualTo(6);
        assertThat(o.get("max_steps").asInt()).isEqualTo(30);
        assertThat(o.get("lambda_batch_size").asInt()).isEqualTo(16);
        assertThat(o.get("lambda_concurrency_limit").asInt()).isEqualTo(plan.lambdaConcurrencyLimit()).isEqualTo(18);
        assertThat(o.get("batchSize").asInt()).isEqualTo(48);
        assertThat(o.get("trainingSamplePerPrompt").asInt()).isEqualTo(6);
        assertThat(o.has("_juror_unvalidated")).isFalse();
        assertThat(TrainingOverrides.of(plan, true).has("_juror_unvalidated")).isTrue();
    }

    @Test
    void samTemplateReservesThePlannedConcurrencyThroughAParameter() throws Exception {
        BudgetPlan plan = plan();
        String template = Files.readString(export(request(plan, true, plan.lambdaConcurrencyLimit()))
                .resolve("template.yaml"));
        assertThat(template).contains("  ReservedConcurrency:\n    Type: Number\n    MinValue: 1\n    Default: 18\n")
                .contains("      ReservedConcurrentExecutions: !Ref ReservedConcurrency\n");
        // Provisioned concurrency above the plan: Lambda refuses provisioned > reserved, so reserve that much.
        assertThat(SamTemplate.yaml(request(plan, false, 40), "v")).contains("    Default: 40\n    Description: "
                + "concurrent executions reserved");
    }

    @Test
    void samTemplateHasTheLogPredictionsSwitchOffByDefault() throws Exception {
        String template = Files.readString(export(request(plan(), true, 18)).resolve("template.yaml"));
        assertThat(template).contains("  LogPredictions:\n    Type: String\n    AllowedValues: ['true', 'false']\n"
                        + "    Default: 'false'\n")
                .contains("      Environment:\n        Variables:\n          JUROR_LOG_PREDICTIONS: !Ref LogPredictions\n");
        assertThat(dev.juror.lambda.RewardRecords.LOG_PREDICTIONS_ENV).isEqualTo("JUROR_LOG_PREDICTIONS");
    }

    @Test
    void theHandlerIdInTheZipIsTheOneTheHandlerComputesFromItsConfiguration() throws Exception {
        Path out = export(request(plan(), true, 18));
        JsonNode config;
        try (ZipFile zip = new ZipFile(out.resolve(LambdaBundleExporter.ZIP).toFile())) {
            config = JSON.readTree(zip.getInputStream(zip.getEntry(LambdaConfig.RESOURCE)));
        }
        LambdaConfig read = LambdaConfig.fromJson(config);
        assertThat(config.get(dev.juror.lambda.HandlerId.FIELD).asText()).hasSize(64)
                .isEqualTo(dev.juror.lambda.HandlerId.of(read));
        assertThat(dev.juror.lambda.HandlerId.of(read.withConcurrency(read.concurrency() + 1)))
                .isNotEqualTo(dev.juror.lambda.HandlerId.of(read));
    }

    @Test
    void readmeNamesBedrocksLambdaGraderArnAndTheHyperPodVpcEndpoint() throws Exception {
        String readme = Files.readString(export(request(plan(), true, 18)).resolve("README.md"));
        assertThat(readme).contains("customizationConfig.rftConfig.graderConfig.lambdaGrader.lambdaArn")
                .contains("com.amazonaws.eu-west-1.lambda").contains("VPC endpoint")
                .contains("run.reward_lambda_arn").contains("`trainingSamplePerPrompt`")
                .contains(":function:JurorReward-SageMaker:live").contains("= 18");
    }
}
