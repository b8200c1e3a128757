package dev.juror.judge;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Bedrock model accepts, decided from its id. Works on base model ids
 * ({@code anthropic.claude-haiku-4-5-20251001-v1:0}), cross-Region inference-profile ids
 * ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}, ... prefixes) and ARNs of either.
 * Application inference profiles ({@code .../application-inference-profile/abc}) do not name their
 * model, so they are treated as unknown: no cache point, top-p passed through; use
 * {@link BedrockJudgeConfig.PromptCache#ON} to force caching for them.
 *
 * <h2>Prompt caching ({@code cachePoint} blocks)</h2>
 * Generally available on Bedrock, per the AWS user guide "Prompt caching for faster model
 * inference" and provider docs consulted in 2026:
 * <table>
 *   <tr><th>id prefix (after the profile prefix)</th><th>model</th></tr>
 *   <tr><td>{@code anthropic.claude-3-5-haiku}</td><td>Claude 3.5 Haiku</td></tr>
 *   <tr><td>{@code anthropic.claude-3-7-sonnet}</td><td>Claude 3.7 Sonnet</td></tr>
 *   <tr><td>{@code anthropic.claude-sonnet-4}, {@code anthropic.claude-opus-4}, {@code anthropic.claude-haiku-4}</td>
 *       <td>Claude 4.x: Sonnet 4 / 4.5 / 4.6, Opus 4 / 4.1 / 4.5 / 4.6, Haiku 4.5</td></tr>
 *   <tr><td>{@code amazon.nova-micro}, {@code amazon.nova-lite}, {@code amazon.nova-pro}, {@code amazon.nova-premier}</td>
 *       <td>Amazon Nova (v1)</td></tr>
 * </table>
 * Claude 3.5 Sonnet v2 had caching only as a closed preview and is left out. Nova 2 models are
 * left out until confirmed in AWS text (a cache point on a model without caching is a
 * ValidationException, which fails every call; leaving it out only costs money).
 * A cache point below the model's minimum prefix size (e.g. 1,024 tokens for Claude Sonnet) is
 * accepted and simply creates no cache entry.
 *
 * <h2>Top-p</h2>
 * Claude 4.5-generation models and later ({@code anthropic.claude-*-4-5*}, {@code -4-6}, ...)
 * reject requests that set both temperature and top_p, so only temperature is sent to them.
 */
public final class ModelCapabilities {

    private static final Set<String> PROFILE_PREFIXES = Set.of("us", "eu", "apac", "global", "jp", "au", "ca",
            "us-gov", "apne", "mx", "sa", "me", "af", "il");

    private static final List<String> CACHE_POINT_PREFIXES = List.of(
            "anthropic.claude-3-5-haiku",
            "anthropic.claude-3-7-sonnet",
            "anthropic.claude-sonnet-4",
            "anthropic.claude-opus-4",
            "anthropic.claude-haiku-4",
            "amazon.nova-micro",
            "amazon.nova-lite",
            "amazon.nova-pro",
            "amazon.nova-premier");

    /** Claude 4.5 generation and later 4.x: claude-sonnet-4-5, claude-haiku-4-5-..., claude-opus-4-6. */
    private static final Pattern TEMPERATURE_ONLY = Pattern.compile("anthropic\\.claude-[a-z]+-4-[5-9](\\D.*)?");

    private ModelCapabilities() {
    }

    /**
     * The base model id inside a model id, profile id or ARN, lower-cased:
     * {@code arn:aws:bedrock:us-east-1:1:inference-profile/us.amazon.nova-pro-v1:0} gives
     * {@code amazon.nova-pro-v1:0}.
     */
    public static String baseModelId(String modelId) {
        String id = modelId.trim().toLowerCase(Locale.ROOT);
        if (id.startsWith("arn:")) {
            int slash = id.lastIndexOf('/');
            id = slash >= 0 ? id.substring(slash + 1) : id;
        }
        int dot = id.indexOf('.');
        if (dot > 0 && PROFILE_PREFIXES.contains(id.substring(0, dot)) && id.indexOf('.', dot + 1) > 0) {
            id = id.substring(dot + 1);
        }
        return id;
    }

    /** Whether a Converse {@code cachePoint} block may be placed in the messages for this model. */
    public static boolean supportsCachePoint(String modelId) {
        String base = baseModelId(modelId);
        return CACHE_POINT_PREFIXES.stream().anyMatch(base::startsWith);
    }

    /** Whether top-p may be sent together with temperature. */
    public static boolean acceptsTopPWithTemperature(String modelId) {
        return !TEMPERATURE_ONLY.matcher(baseModelId(modelId)).matches();
    }
}
