package dev.juror.reward;

import dev.juror.judge.JudgeOutcome;
import dev.juror.judge.JudgeRequest;
import dev.juror.judge.JudgeTask;
import dev.juror.judge.RetryingJudgeCaller;
import dev.juror.rubric.JudgeSettings;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import java.util.Objects;

/**
 * The judge part through the judge engine: renders the hardened prompt (nonce-tagged candidate,
 * escaped documents, sandwich reminder; see docs/rubrics.md), sends it through a
 * {@link RetryingJudgeCaller} (back-off with jitter, concurrency limiter) and parses the answer.
 * Thread-safe; never throws.
 */
public final class LlmJudgeScorer implements JudgeScorer {

    private final Rubric rubric;
    private final JudgeSettings settings;
    private final RetryingJudgeCaller caller;
    private final JudgeAnswerParser parser;
    private final PromptRenderer renderer;

    public LlmJudgeScorer(Rubric rubric, JudgeSettings settings, RetryingJudgeCaller caller, JudgeAnswerParser parser,
                          PromptRenderer renderer) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** With the rubric's own judge settings and a {@link PromptRenderer#secure() secure} renderer. */
    public LlmJudgeScorer(Rubric rubric, RetryingJudgeCaller caller, JudgeAnswerParser parser) {
        this(rubric, rubric.judge(), caller, parser, PromptRenderer.secure());
    }

    @Override
    public JudgeScores score(RewardInput input, String key) {
        try {
            RenderedPrompt prompt = renderer.render(rubric, PromptInputs.pointwise(input.systemPrompt(),
                    input.targetDocument(), input.referenceDocument(), input.prediction()));
            JudgeRequest request = new JudgeRequest(key, settings.modelId(), prompt.system(), prompt.userPrefix(),
                    prompt.userSuffix(), settings.temperature(), settings.maxTokens(), settings.topP());
            JudgeOutcome outcome = caller.call(new JudgeTask(key, request));
            return switch (outcome) {
                case JudgeOutcome.Succeeded s -> parser.parse(s.response().text());
                case JudgeOutcome.Failed f -> new JudgeScores.Failed(f.failure().status().code(),
                        f.failure().kind() + " after " + f.attempts() + " attempt(s): " + f.failure().message());
                case JudgeOutcome.Cancelled c -> new JudgeScores.Failed("timeout",
                        "judge call cancelled after " + c.attempts() + " attempt(s) (deadline or shutdown)");
            };
        } catch (RuntimeException e) {
            return new JudgeScores.Failed("api_error", "judge call failed: " + e);
        }
    }
}
