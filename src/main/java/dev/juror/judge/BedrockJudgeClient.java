package dev.juror.judge;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Judge calls through the Bedrock Runtime Converse API (AWS SDK for Java v2, synchronous client).
 *
 * <p>The SDK's own retries are switched off ({@link AwsRetryStrategy#doNotRetry()}): every attempt
 * goes through {@link RetryingJudgeCaller} so attempts, throttles and back-off are counted and the
 * adaptive limiter sees each 429. The SDK client itself is built by {@link BedrockClientBuilder}, the
 * one builder the workbench, the command line and the reward Lambda share.
 *
 * <p>Request shape: system prompt as one system block; one user message with the static prefix,
 * then a {@code cachePoint} block (for models with prompt caching), then the dynamic suffix;
 * {@code inferenceConfig} with maxTokens and temperature, plus topP when set and accepted.
 */
public final class BedrockJudgeClient implements JudgeClient {

    private static final ContentBlock CACHE_POINT = ContentBlock.fromCachePoint(
            CachePointBlock.builder().type(CachePointType.DEFAULT).build());

    private final BedrockRuntimeClient sdk;
    private final BedrockJudgeConfig config;
    private final String name;

    private BedrockJudgeClient(BedrockRuntimeClient sdk, BedrockJudgeConfig config) {
        this.sdk = sdk;
        this.config = config;
        this.name = "bedrock:" + config.region() + config.endpointOverride().map(uri -> "@" + uri).orElse("");
    }

    /** Through {@link BedrockClientBuilder}: credentials from the config's named profile, else the default chain. */
    public static BedrockJudgeClient create(BedrockJudgeConfig config) {
        return new BedrockJudgeClient(BedrockClientBuilder.build(config), config);
    }

    /** With an explicit credentials provider (tests use {@code StaticCredentialsProvider} with dummy keys). */
    public static BedrockJudgeClient create(BedrockJudgeConfig config, AwsCredentialsProvider credentials) {
        return new BedrockJudgeClient(BedrockClientBuilder.build(config, credentials), config);
    }

    /**
     * Wraps an SDK client built elsewhere: for benchmarks that swap the HTTP client for a canned one.
     * Judges that call Bedrock are built with {@link #create}, through {@link BedrockClientBuilder}. The
     * caller is responsible for having disabled SDK retries; {@code config} supplies the prompt-cache
     * policy and the name.
     */
    public static BedrockJudgeClient wrap(BedrockRuntimeClient sdk, BedrockJudgeConfig config) {
        return new BedrockJudgeClient(Objects.requireNonNull(sdk, "sdk"), Objects.requireNonNull(config, "config"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JudgeResponse call(JudgeRequest request) {
        ConverseRequest converse = toConverse(request);
        long started = System.nanoTime();
        ConverseResponse response;
        try {
            response = sdk.converse(converse);
        } catch (RuntimeException e) {
            throw classify(e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        return toJudgeResponse(response, latency);
    }

    /** The Converse request for a judge request; package-private for tests. */
    ConverseRequest toConverse(JudgeRequest request) {
        List<ContentBlock> user = new ArrayList<>(3);
        if (!request.userPrefix().isEmpty()) {
            user.add(ContentBlock.fromText(request.userPrefix()));
            if (useCachePoint(request.modelId()) && !request.userSuffix().isEmpty()) {
                user.add(CACHE_POINT);
            }
        }
        if (!request.userSuffix().isEmpty()) {
            user.add(ContentBlock.fromText(request.userSuffix()));
        }
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder()
                .maxTokens(request.maxTokens())
                .temperature((float) request.temperature());
        if (request.topP().isPresent() && ModelCapabilities.acceptsTopPWithTemperature(request.modelId())) {
            inference.topP((float) request.topP().getAsDouble());
        }
        ConverseRequest.Builder builder = ConverseRequest.builder()
                .modelId(request.modelId())
                .messages(Message.builder().role(ConversationRole.USER).content(user).build())
                .inferenceConfig(inference.build());
        if (!request.systemPrompt().isEmpty()) {
            builder.system(SystemContentBlock.fromText(request.systemPrompt()));
        }
        return builder.build();
    }

    private boolean useCachePoint(String modelId) {
        return switch (config.promptCache()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> ModelCapabilities.supportsCachePoint(modelId);
        };
    }

    private static JudgeResponse toJudgeResponse(ConverseResponse response, Duration latency) {
        StringBuilder text = new StringBuilder();
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock block : response.output().message().content()) {
                // Reasoning, tool and other blocks carry no verdict; only text blocks are joined.
                if (block.text() != null) {
                    text.append(block.text());
                }
            }
        }
        String stopReason = response.stopReasonAsString() == null ? "" : response.stopReasonAsString();
        TokenUsage usage = response.usage() == null ? TokenUsage.ZERO : new TokenUsage(
                orZero(response.usage().inputTokens()), orZero(response.usage().outputTokens()),
                orZero(response.usage().cacheReadInputTokens()), orZero(response.usage().cacheWriteInputTokens()));
        return ConverseStops.accept(new JudgeResponse(text.toString(), stopReason, usage, latency));
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** Maps SDK exceptions to failure kinds. */
    static JudgeCallException classify(RuntimeException e) {
        if (e instanceof SdkServiceException service) {
            String type = service.getClass().getSimpleName();
            if (service instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
                type = aws.awsErrorDetails().errorCode();
            }
            FailureKind kind = serviceKind(service);
            String message = service instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
                    && aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                    ? aws.awsErrorDetails().errorMessage() : service.getMessage();
            return new JudgeCallException(kind, type, service.statusCode(), message, null, null, e);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new JudgeCallException(FailureKind.CLIENT_TIMEOUT, e.getClass().getSimpleName(), 0,
                    e.getMessage(), null, null, e);
        }
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()
                || hasCause(e, InterruptedException.class) || hasCause(e, InterruptedIOException.class)
                && !hasCause(e, SocketTimeoutException.class)) {
            return new JudgeCallException(FailureKind.INTERRUPTED, "Interrupted", 0, "call interrupted", null, null, e);
        }
        if (e instanceof SdkClientException) {
            if (isJsonParseFailure(e)) {
                return new JudgeCallException(FailureKind.MALFORMED_RESPONSE, "MalformedJson", 0,
                        "Bedrock answer could not be read: " + e.getMessage(), null, null, e);
            }
            if (hasCause(e, SocketTimeoutException.class)) {
                return new JudgeCallException(FailureKind.CLIENT_TIMEOUT, "SocketTimeout", 0, e.getMessage(), null, null, e);
            }
            if (hasCause(e, IOException.class)) {
                return new JudgeCallException(FailureKind.CONNECTION_ERROR, "IOException", 0, e.getMessage(), null, null, e);
            }
            // Unmarshalling failures (a body that is not Converse JSON) and configuration errors.
            return new JudgeCallException(FailureKind.MALFORMED_RESPONSE, "SdkClientException", 0, e.getMessage(),
                    null, null, e);
        }
        return new JudgeCallException(FailureKind.UNKNOWN, e.getClass().getSimpleName(), 0, String.valueOf(e.getMessage()),
                null, null, e);
    }

    private static FailureKind serviceKind(SdkServiceException e) {
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException) {
            return FailureKind.THROTTLED;
        }
        if (e instanceof ModelNotReadyException) {
            return FailureKind.MODEL_NOT_READY;
        }
        if (e instanceof ModelTimeoutException) {
            return FailureKind.MODEL_TIMEOUT;
        }
        if (e instanceof ValidationException || e instanceof ResourceNotFoundException) {
            return FailureKind.VALIDATION_ERROR;
        }
        if (e instanceof AccessDeniedException) {
            return FailureKind.ACCESS_DENIED;
        }
        if (e instanceof InternalServerException || e instanceof ServiceUnavailableException
                || e instanceof ModelErrorException) {
            return FailureKind.SERVER_ERROR;
        }
        return HttpFailures.kindForStatus(e.statusCode());
    }

    /** The SDK's (shaded) Jackson parser failed: the body was not Converse JSON. */
    private static boolean isJsonParseFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains(".jackson.") && name.endsWith("Exception")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void close() {
        sdk.close();
    }
}
