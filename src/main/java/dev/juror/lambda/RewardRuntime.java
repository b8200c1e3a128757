package dev.juror.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.judge.AdaptiveLimiter;
import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.FixedLimiter;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.reward.CompositeReward;
import dev.juror.reward.EngineJudgeScorer;
import dev.juror.reward.RewardConfig;
import dev.juror.reward.checks.RuleAction;
import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.RubricException;
import dev.juror.rubric.RubricYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What the handler builds once per execution environment: the configuration, the rubric (checked
 * against the recorded version and rendered prompt), the composite reward and the judge with its
 * Bedrock client and concurrency limiter.
 *
 * <p>The Bedrock client is built by {@link dev.juror.judge.BedrockClientBuilder}, like the workbench's
 * and the command line's, and the judge by {@link JudgeFactory}. It gets no endpoint override, so
 * the SDK's standard {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} variable (system property
 * {@code aws.endpointUrlBedrockRuntime}) still applies, e.g. for a VPC endpoint or a local server.
 */
public final class RewardRuntime {

    /** System property / environment variable naming a configuration file that replaces the packaged one. */
    public static final String CONFIG_PROPERTY = "juror.reward.config";
    public static final String CONFIG_ENV = "JUROR_REWARD_CONFIG";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaConfig config;
    private final Rubric rubric;
    private final Judge judge;
    private final CompositeReward reward;
    private final String handlerId;

    private RewardRuntime(LambdaConfig config, Rubric rubric, Judge judge, CompositeReward reward) {
        this.config = config;
        this.handlerId = HandlerId.of(config);
        this.rubric = rubric;
        this.judge = judge;
        this.reward = reward;
    }

    /** Configuration from the package (or the override), judge on Bedrock. */
    public static RewardRuntime fromEnvironment() {
        LambdaConfig config = loadConfig();
        return withClient(config, bedrockClient(config));
    }

    /** With a judge client built elsewhere (tests; OpenAI-compatible servers). */
    public static RewardRuntime withClient(LambdaConfig config, JudgeClient client) {
        return assemble(config, checkedRubric(config), client);
    }

    /** With a rubric already checked against the configuration (priming reuses the deployed one). */
    static RewardRuntime assemble(LambdaConfig config, Rubric rubric, JudgeClient client) {
        RewardConfig rewardConfig = rewardConfig(config, rubric);
        ConcurrencyLimiter limiter = config.adaptiveLimiter() ? AdaptiveLimiter.withMaxLimit(config.concurrency())
                : new FixedLimiter(config.concurrency());
        RetryPolicy retry = new RetryPolicy(config.retryMaxAttempts(), config.retryBaseDelay(), config.retryMaxDelay(),
                config.maxEventTime());
        Judge judge = JudgeFactory.llm(client, "bedrock", config.judgeModelId(), retry, limiter);
        return new RewardRuntime(config, rubric, judge, new CompositeReward(rewardConfig, new EngineJudgeScorer(rubric, judge)));
    }

    public LambdaConfig config() {
        return config;
    }

    public Rubric rubric() {
        return rubric;
    }

    public Judge judge() {
        return judge;
    }

    public CompositeReward reward() {
        return reward;
    }

    /** {@link HandlerId} of the configuration in use: the {@code bundle} of every reward record. */
    public String handlerId() {
        return handlerId;
    }

    public double neutralReward() {
        return reward.config().neutralReward();
    }

    /** The Region the judge is called in: {@code aws.region}, {@code AWS_REGION}, the config, the SDK chain, us-east-1. */
    static Region region(LambdaConfig config) {
        String property = System.getProperty("aws.region");
        if (property != null && !property.isBlank()) {
            return Region.of(property);
        }
        String env = System.getenv("AWS_REGION");
        if (env != null && !env.isBlank()) {
            return Region.of(env);
        }
        if (config.region().isPresent()) {
            return Region.of(config.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException none) {
            return Region.US_EAST_1;
        }
    }

    static JudgeClient bedrockClient(LambdaConfig config) {
        return BedrockJudgeClient.create(bedrockConfig(config));
    }

    /** The Lambda's Bedrock connection: the workbench's client settings, with the differences {@link BedrockJudgeConfig#forLambda} names. */
    static BedrockJudgeConfig bedrockConfig(LambdaConfig config) {
        return BedrockJudgeConfig.forLambda(region(config).id(), config.apiCallTimeout(), config.attemptTimeout(),
                config.concurrency(), config.promptCache());
    }

    /** The configuration file: the override named by property/variable, else the packaged resource. */
    static LambdaConfig loadConfig() {
        String override = System.getProperty(CONFIG_PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(CONFIG_ENV);
        }
        try {
            if (override != null && !override.isBlank()) {
                return read(JSON.readTree(Files.readString(Path.of(override))));
            }
            try (InputStream in = RewardRuntime.class.getClassLoader().getResourceAsStream(LambdaConfig.RESOURCE)) {
                if (in != null) {
                    return read(JSON.readTree(in));
                }
            }
            String taskRoot = System.getenv("LAMBDA_TASK_ROOT");
            if (taskRoot != null && Files.isRegularFile(Path.of(taskRoot, LambdaConfig.RESOURCE))) {
                return read(JSON.readTree(Files.readString(Path.of(taskRoot, LambdaConfig.RESOURCE))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reward configuration: " + e.getMessage(), e);
        }
        throw new IllegalStateException(LambdaConfig.RESOURCE + " not found on the classpath or in LAMBDA_TASK_ROOT; "
                + "export the bundle with: juror export lambda");
    }

    /**
     * The configuration; a {@code handler_id} that does not match it (the file was edited after
     * export) is reported once on stderr: the records then name the configuration actually used.
     */
    static LambdaConfig read(com.fasterxml.jackson.databind.JsonNode json) {
        LambdaConfig config = LambdaConfig.fromJson(json);
        String stored = json.path(HandlerId.FIELD).asText("");
        if (!stored.isEmpty() && !stored.equals(HandlerId.of(config))) {
            System.err.println("juror-reward: " + LambdaConfig.RESOURCE + " was changed after export (its "
                    + HandlerId.FIELD + " is " + stored + "); reward records name this configuration as "
                    + HandlerId.of(config));
        }
        return config;
    }

    /** The rubric, refused when it does not match the recorded version and prompt (a corrupted bundle). */
    static Rubric checkedRubric(LambdaConfig config) {
        Rubric rubric;
        try {
            rubric = new RubricYaml().read(config.rubricYaml(), LambdaConfig.RESOURCE + " rubric_yaml");
        } catch (RubricException e) {
            throw new IllegalStateException(LambdaConfig.RESOURCE + ": the packaged rubric is invalid: " + e.getMessage(), e);
        }
        String version = CanonicalForm.version(rubric);
        if (!version.equals(config.rubricVersion())) {
            throw new IllegalStateException(LambdaConfig.RESOURCE + ": rubric version is " + version + " but the bundle "
                    + "records " + config.rubricVersion() + "; re-export the bundle");
        }
        String system = PromptRenderer.secure().systemPrompt(rubric);
        if (!system.equals(config.systemPrompt())) {
            throw new IllegalStateException(LambdaConfig.RESOURCE + ": the rubric renders a different judge system "
                    + "prompt than the one recorded; this build of Juror differs from the exporting one; re-export");
        }
        return rubric;
    }

    static RewardConfig rewardConfig(LambdaConfig config, Rubric rubric) {
        RewardConfig rc = RewardConfig.fromRubric(rubric);
        if (config.neutralReward().isPresent()) {
            rc = rc.withNeutralReward(config.neutralReward().get());
        }
        if (config.referenceOverlapWeight().isPresent()) {
            rc = rc.withReferenceOverlapWeight(Optional.of(config.referenceOverlapWeight().get()));
        }
        for (Map.Entry<String, String> e : config.ruleActions().entrySet()) {
            RuleAction action;
            try {
                action = RuleAction.valueOf(e.getValue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException(LambdaConfig.RESOURCE + ": rules." + e.getKey()
                        + " must be floor, flag or report, was " + e.getValue());
            }
            rc = rc.withRuleAction(e.getKey(), action);
        }
        return rc;
    }
}
