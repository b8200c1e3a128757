package dev.juror.judge;

import dev.juror.judge.output.JudgeOutputParser;
import dev.juror.rubric.JudgeModelSettings;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import java.util.Objects;

/**
 * An LLM judge: renders the rubric's prompt for the item, sends it through a {@link JudgeClient},
 * and leaves parsing to {@link JudgeOutputParser}. The rendered user message's static prefix (the
 * sample's documents) and dynamic suffix (the candidate) map onto {@link JudgeRequest}'s
 * {@code userPrefix} / {@code userSuffix}, so the Bedrock client puts its {@code cachePoint} right
 * after the static prefix. Temperature, max tokens and top-p come from the item's rubric; the
 * model is fixed per judge (the rubric's {@code judge.model_id} unless overridden).
 */
public final class LlmJudge implements Judge {

    private final JudgeClient client;
    private final String provider;
    private final String model;
    private final PromptRenderer renderer;
    private final JudgeOutputParser parser;
    private final RetryPolicy retryPolicy;
    private final ConcurrencyLimiter limiter;

    private LlmJudge(Builder b) {
        this.client = b.client;
        this.provider = b.provider;
        this.model = b.model;
        this.renderer = b.renderer;
        this.parser = b.parser;
        this.retryPolicy = b.retryPolicy;
        this.limiter = b.limiter;
    }

    /**
     * @param provider recorded with results ({@code bedrock}, {@code openai})
     * @param model    model id sent with every request
     */
    public static Builder builder(JudgeClient client, String provider, String model) {
        return new Builder(client, provider, model);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    /** The request for one call, rendered fresh (each call draws a new candidate-tag code). */
    public JudgeRequest request(JudgeCall call) {
        RenderedPrompt prompt;
        try {
            prompt = renderer.render(call.item().rubric(), call.item().promptInputs());
        } catch (IllegalArgumentException e) {
            throw JudgeCallException.of(FailureKind.VALIDATION_ERROR, "RenderError", 0,
                    "cannot render the prompt of " + call.item().key() + ": " + e.getMessage());
        }
        JudgeModelSettings settings = call.item().rubric().judge();
        return new JudgeRequest(call.key(), model, prompt.system(), prompt.userPrefix(), prompt.userSuffix(),
                settings.temperature(), settings.maxTokens(), settings.topP());
    }

    @Override
    public JudgeResponse attempt(JudgeCall call) {
        return client.call(request(call));
    }

    @Override
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public ConcurrencyLimiter limiter() {
        return limiter;
    }

    @Override
    public JudgeOutputParser parser() {
        return parser;
    }

    @Override
    public void close() {
        client.close();
    }

    public static final class Builder {
        private final JudgeClient client;
        private final String provider;
        private final String model;
        private PromptRenderer renderer = PromptRenderer.secure();
        private JudgeOutputParser parser = new JudgeOutputParser();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ConcurrencyLimiter limiter = AdaptiveLimiter.withMaxLimit(AdaptiveLimiter.DEFAULT_MAX_LIMIT);

        private Builder(JudgeClient client, String provider, String model) {
            this.client = Objects.requireNonNull(client, "client");
            this.provider = Objects.requireNonNull(provider, "provider");
            this.model = Objects.requireNonNull(model, "model");
            if (model.isBlank()) {
                throw new IllegalArgumentException("judge model id must not be blank");
            }
        }

        public Builder renderer(PromptRenderer promptRenderer) {
            this.renderer = Objects.requireNonNull(promptRenderer, "renderer");
            return this;
        }

        public Builder parser(JudgeOutputParser outputParser) {
            this.parser = Objects.requireNonNull(outputParser, "parser");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** The limiter of single {@link #judge} calls (batches get their own from the runner). */
        public Builder limiter(ConcurrencyLimiter concurrencyLimiter) {
            this.limiter = Objects.requireNonNull(concurrencyLimiter, "limiter");
            return this;
        }

        public LlmJudge build() {
            return new LlmJudge(this);
        }
    }
}
