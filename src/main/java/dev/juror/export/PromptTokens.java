package dev.juror.export;

import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.PromptRenderer;
import dev.juror.rubric.RenderedPrompt;
import dev.juror.rubric.Rubric;
import java.util.List;

/** Estimates of a judge call's prompt size for the reward budget (shared by the CLI and the Export screen). */
public final class PromptTokens {

    private PromptTokens() {
    }

    /** Rendered prompt characters / 4 for the first sample with documents, else the bare system prompt. */
    public static int estimateInput(Rubric rubric, List<ExportSample> samples) {
        if (rubric.mode() == Mode.PAIRWISE) {
            return PromptRenderer.secure().systemPrompt(rubric).length() / 4;
        }
        ExportSample s = samples.isEmpty() ? null : samples.get(0);
        RenderedPrompt p = PromptRenderer.secure().render(rubric, PromptInputs.pointwise(
                s == null ? "" : s.systemPrompt(), s == null ? "" : s.target(), s == null ? "" : s.reference(),
                s == null || s.predictions().isEmpty() ? "" : s.predictions().get(0)));
        return (p.system().length() + p.userMessage().length()) / 4;
    }

    /** The answer budget the planner assumes: the rubric's max_tokens, capped at 1,500. */
    public static int estimateOutput(Rubric rubric) {
        return Math.min(rubric.judge().maxTokens(), 1500);
    }
}
