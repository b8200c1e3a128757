package dev.juror.export;

import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import java.util.List;

/**
 * The fallback when the workspace has no measured judge result: prompt tokens ~ rendered characters / 4
 * (a common rule of thumb for English text, not a tokenizer) for the first sample with documents,
 * output tokens = the rubric's {@code max_tokens} capped at {@value #OUTPUT_CAP}.
 */
public final class TokenEstimate {

    static final int OUTPUT_CAP = 1500;
    static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {
    }

    public static JudgeUsage of(Rubric rubric, List<ExportSample> samples) {
        long input = inputTokens(rubric, samples);
        long output = Math.min(rubric.judge().maxTokens(), OUTPUT_CAP);
        String what = samples.isEmpty() ? "the rendered prompt without a sample" : "the rendered prompt of sample "
                + samples.get(0).id();
        return JudgeUsage.estimated(input, output, "ESTIMATED, not measured: no ok judge result with token counts for "
                + "this rubric version and judge model in the workspace; input = characters of " + what + " / "
                + CHARS_PER_TOKEN + ", output = min(max_tokens, " + OUTPUT_CAP + "), no prompt caching");
    }

    static long inputTokens(Rubric rubric, List<ExportSample> samples) {
        if (rubric.mode() == Mode.PAIRWISE) {
            return PromptRenderer.secure().systemPrompt(rubric).length() / CHARS_PER_TOKEN;
        }
        ExportSample s = samples.isEmpty() ? null : samples.get(0);
        RenderedPrompt p = PromptRenderer.secure().render(rubric, PromptInputs.pointwise(
                s == null ? "" : s.systemPrompt(), s == null ? "" : s.target(), s == null ? "" : s.reference(),
                s == null || s.predictions().isEmpty() ? "" : s.predictions().get(0)));
        return (p.system().length() + p.userMessage().length()) / CHARS_PER_TOKEN;
    }
}
