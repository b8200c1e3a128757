package dev.juror.judge.run;

import dev.juror.judge.BedrockJudgeClient;
import dev.juror.judge.BedrockJudgeConfig;
import dev.juror.judge.Judge;
import dev.juror.judge.LlmJudge;
import dev.juror.judge.OpenAiCompatibleJudgeClient;
import dev.juror.judge.OpenAiJudgeConfig;
import dev.juror.judge.ReplayJudge;
import dev.juror.judge.ReplaySource;
import dev.juror.judge.heuristic.HeuristicJudge;
import java.util.List;
import java.util.Locale;

/**
 * Builds the judge and the runner of a provider from run settings; shared by the command line and
 * the workbench so both connect the same way. Problems are {@link JudgeSetupException}s naming the
 * setting to fix.
 */
public final class JudgeProviders {

    public static final List<String> PROVIDERS = List.of("bedrock", "openai", "replay", "heuristic");
    public static final String DEFAULT_REGION = "us-east-1";
    /** Bedrock: adaptive concurrency up to this cap; the limiter finds the account's real quota. */
    public static final int DEFAULT_BEDROCK_CONCURRENCY = 64;
    /** A local server usually serves a handful of requests at a time well. */
    public static final int DEFAULT_OPENAI_CONCURRENCY = 4;

    private JudgeProviders() {
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

    public static Judge judge(String provider, String model, JudgeSettings settings, ReplaySource replay) {
        JudgeConnectionCheck.check(provider, settings);
        return switch (provider) {
            case "bedrock" -> {
                BedrockJudgeConfig config = BedrockJudgeConfig.forRegion(settings.region().orElseGet(JudgeProviders::region));
                if (settings.profile().isPresent()) {
                    config = config.withProfile(settings.profile().get());
                }
                if (settings.endpoint().isPresent()) {
                    config = config.withEndpoint(JudgeConnectionCheck.url(settings.endpoint().get(), "endpoint", true,
                            settings.allowInsecureHttp()));
                }
                int cap = settings.concurrency().orElse(DEFAULT_BEDROCK_CONCURRENCY);
                config = config.withMaxConnections(Math.max(cap, BedrockJudgeConfig.DEFAULT_MAX_CONNECTIONS));
                yield LlmJudge.builder(BedrockJudgeClient.create(config), provider, model).build();
            }
            case "openai" -> {
                String base = settings.baseUrl().orElseThrow(() -> new JudgeSetupException("provider",
                        "openai needs a base URL (e.g. http://localhost:8000/v1)"));
                OpenAiJudgeConfig config = OpenAiJudgeConfig.of(JudgeConnectionCheck.url(base, "base-url",
                        settings.apiKeyEnv().isPresent(), settings.allowInsecureHttp()));
                if (settings.apiKeyEnv().isPresent()) {
                    config = config.withApiKeyEnvVar(settings.apiKeyEnv().get());
                }
                yield LlmJudge.builder(new OpenAiCompatibleJudgeClient(config), provider, model).build();
            }
            case "replay" -> new ReplayJudge(replay, model);
            case "heuristic" -> new HeuristicJudge();
            default -> throw new JudgeSetupException("provider", provider + " is not known; use one of " + PROVIDERS);
        };
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
