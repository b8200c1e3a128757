package dev.juror.judge.run;

import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.ConcurrencyLimiter;
import dev.juror.judge.Judge;
import dev.juror.judge.JudgeClient;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.OpenAiCompatibleJudgeClient;
import dev.juror.judge.OpenAiJudgeConfig;
import dev.juror.judge.ReplayJudge;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.RetryPolicy;
import dev.juror.judge.heuristic.HeuristicJudge;
import java.util.List;
import java.util.Locale;

/**
 * The one way a judge is built: the judge and the runner of a provider from run settings, for the
 * command line (judge, regress), the workbench (judge runs, regression, the rubric editor's trial)
 * and, through {@link #llm}, the reward Lambda. Bedrock clients come from
 * {@link dev.juror.judge.BedrockClientBuilder} in every case, so all of them connect the same way.
 * Problems are {@link JudgeSetupException}s naming the setting to fix.
 */
public final class JudgeFactory {

    public static final List<String> PROVIDERS = List.of("bedrock", "openai", "replay", "heuristic");
    public static final String DEFAULT_REGION = "us-east-1";
    /** Bedrock: adaptive concurrency up to this cap; the limiter finds the account's real quota. */
    public static final int DEFAULT_BEDROCK_CONCURRENCY = 64;
    /** A local server usually serves a handful of requests at a time well. */
    public static final int DEFAULT_OPENAI_CONCURRENCY = 4;

    private JudgeFactory() {
    }

    /** The provider's canonical (lower-case) name. */
    public static String normalise(String provider) {
        String p = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(p)) {
            throw new JudgeSetupException("provider", provider + " is not known; use one of " + PROVIDERS);
        }
        return p;
    }

    /** The judge model a run records: the heuristic's own, else the one given, else the rubric's. */
    public static String model(String provider, String given, String rubricModel) {
        if (provider.equals(HeuristicJudge.PROVIDER)) {
            return HeuristicJudge.MODEL;
        }
        return given != null && !given.isBlank() ? given.strip() : rubricModel;
    }

    /** Whether the provider calls a model (a regression replays recorded answers of it first). */
    public static boolean isLive(String provider) {
        return provider.equals("bedrock") || provider.equals("openai");
    }

    /**
     * The judge a regression tries before the live one: for a provider that calls a model, its
     * recorded answers of this model (see {@link #isLive}); null for the replay and heuristic judges,
     * which are not live.
     */
    public static Judge replayFirst(String provider, String model, ReplaySource recordings) {
        return isLive(provider) ? new ReplayJudge(recordings, model) : null;
    }

    /** Whether a judge model id applies (every provider but the heuristic, which has its own). */
    public static boolean needsModel(String provider) {
        return !provider.equals(HeuristicJudge.PROVIDER);
    }

    /**
     * The judge of a provider (a canonical name).
     *
     * @param replay where the replay judge finds recorded answers; unused by the other providers
     * @throws JudgeSetupException naming the setting that stops the judge from being built
     */
    public static Judge judge(String provider, String model, JudgeSettings settings, ReplaySource replay) {
        return judge(provider, model, settings, replay, RetryPolicy.DEFAULT);
    }

    /**
     * As {@link #judge(String, String, JudgeSettings, ReplaySource)}, with the retry policy of the LLM
     * judges ({@link RetryPolicy#INTERACTIVE} for a call a person waits for).
     */
    public static Judge judge(String provider, String model, JudgeSettings settings, ReplaySource replay,
                              RetryPolicy retry) {
        JudgeConnectionCheck.check(provider, settings);
        return switch (provider) {
            case "bedrock", "openai" -> LlmJudge.builder(client(provider, settings), provider, model)
                    .retryPolicy(retry).build();
            case "replay" -> new ReplayJudge(replay, model);
            case "heuristic" -> new HeuristicJudge();
            default -> throw new JudgeSetupException("provider", provider + " is not known; use one of " + PROVIDERS);
        };
    }

    /**
     * The transport of a provider that calls a model ({@code bedrock}, {@code openai}), for a caller
     * that sends requests of its own through the judge's retries and limiter ({@code juror watch
     * sample} asks a checkpoint's deployment for rollouts): the client every judge of that provider uses.
     *
     * @throws JudgeSetupException naming the setting that stops the client from being built
     */
    public static JudgeClient client(String provider, JudgeSettings settings) {
        JudgeConnectionCheck.check(provider, settings);
        return switch (provider) {
            case "bedrock" -> BedrockJudgeClient.create(bedrockConfig(settings));
            case "openai" -> {
                String base = settings.baseUrl().orElseThrow(() -> new JudgeSetupException("provider",
                        "openai needs a base URL (e.g. http://localhost:8000/v1)"));
                OpenAiJudgeConfig config = OpenAiJudgeConfig.of(JudgeConnectionCheck.url(base, "base-url",
                        settings.apiKeyEnv().isPresent(), settings.allowInsecureHttp()));
                if (settings.apiKeyEnv().isPresent()) {
                    config = config.withApiKeyEnvVar(settings.apiKeyEnv().get());
                }
                yield new OpenAiCompatibleJudgeClient(config);
            }
            default -> throw new JudgeSetupException("provider", provider + " calls no model; use bedrock or openai");
        };
    }

    /** A fresh limiter per batch, as {@link #runner} gives a run of this provider: adaptive for Bedrock. */
    public static java.util.function.Supplier<ConcurrencyLimiter> limiters(String provider, JudgeSettings settings) {
        return switch (provider) {
            case "bedrock" -> {
                int cap = settings.concurrency().orElse(DEFAULT_BEDROCK_CONCURRENCY);
                yield () -> dev.juror.judge.AdaptiveLimiter.withMaxLimit(cap);
            }
            case "openai" -> {
                int cap = settings.concurrency().orElse(DEFAULT_OPENAI_CONCURRENCY);
                yield () -> new dev.juror.judge.FixedLimiter(cap);
            }
            default -> {
                int cap = settings.concurrency().orElse(Math.max(1, Runtime.getRuntime().availableProcessors()));
                yield () -> new dev.juror.judge.FixedLimiter(cap);
            }
        };
    }

    /**
     * How the workbench and the command line reach Bedrock: region (else {@code AWS_REGION}, else
     * {@link #DEFAULT_REGION}), profile and endpoint from the settings, a connection pool at least as
     * large as the concurrency cap. The reward Lambda's differs only as
     * {@link BedrockJudgeConfig#forLambda} says.
     */
    public static BedrockJudgeConfig bedrockConfig(JudgeSettings settings) {
        BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(settings.region().orElseGet(JudgeFactory::region));
        if (settings.profile().isPresent()) {
            config = config.withProfile(settings.profile().get());
        }
        if (settings.endpoint().isPresent()) {
            config = config.withEndpoint(JudgeConnectionCheck.url(settings.endpoint().get(), "endpoint", true,
                    settings.allowInsecureHttp()));
        }
        int cap = settings.concurrency().orElse(DEFAULT_BEDROCK_CONCURRENCY);
        return config.withMaxConnections(Math.max(cap, BedrockJudgeConfig.DEFAULT_MAX_CONNECTIONS));
    }

    /**
     * An LLM judge over a client with its own retry policy and limiter of single calls: the reward
     * Lambda's (its client from {@link BedrockJudgeClient#create} with
     * {@link BedrockJudgeConfig#forLambda}), and tests' over a client built elsewhere.
     */
    public static Judge llm(JudgeClient client, String provider, String model, RetryPolicy retry,
                            ConcurrencyLimiter limiter) {
        return LlmJudge.builder(client, provider, model).retryPolicy(retry).limiter(limiter).build();
    }

    public static JudgeRunner runner(String provider, Judge judge, JudgeSettings settings) {
        return switch (provider) {
            case "bedrock" -> JudgeRunner.adaptive(judge, settings.concurrency().orElse(DEFAULT_BEDROCK_CONCURRENCY));
            case "openai" -> JudgeRunner.fixed(judge, settings.concurrency().orElse(DEFAULT_OPENAI_CONCURRENCY));
            default -> JudgeRunner.fixed(judge, settings.concurrency()
                    .orElse(Math.max(1, Runtime.getRuntime().availableProcessors())));
        };
    }

    private static String region() {
        String env = System.getenv("AWS_REGION");
        if (env == null || env.isBlank()) {
            env = System.getenv("AWS_DEFAULT_REGION");
        }
        return env == null || env.isBlank() ? DEFAULT_REGION : env.strip();
    }
}
