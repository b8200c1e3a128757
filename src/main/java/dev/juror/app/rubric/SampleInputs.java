package dev.juror.app.rubric;

import dev.juror.dataset.Prediction;
import dev.juror.rubric.PromptInputs;
import java.util.List;

/**
 * The sample parts a preview is rendered against and a trial judged on: the chosen rollout, and a
 * second rollout of the same sample for pairwise rubrics. Empty parts render as placeholders.
 *
 * @param label       what the preview says it was rendered against ("sample s1, rollout 0")
 * @param rolloutKey  key of the judged item, e.g. {@code rollout-12}
 * @param second      the candidate B of a pairwise preview ({@code ""} when the sample has one rollout)
 */
public record SampleInputs(String label, String rolloutKey, String systemPrompt, String target, String reference,
                           Prediction prediction, String second) {

    /** What the preview shows before a sample is chosen (or in a workspace without samples). */
    public static final SampleInputs NONE = new SampleInputs("no sample chosen", "", placeholder("system prompt"),
            placeholder("target document"), placeholder("reference document"),
            new Prediction(placeholder("candidate response"), List.of(), null), placeholder("candidate B"));

    static String placeholder(String what) {
        return "[PLACEHOLDER: " + what + " - choose a sample and rollout above]";
    }

    public boolean isPlaceholder() {
        return rolloutKey.isEmpty();
    }

    PromptInputs pointwise() {
        return PromptInputs.pointwise(systemPrompt, target, reference, prediction.raw());
    }

    PromptInputs pairwise() {
        String b = second.isEmpty() ? placeholder("candidate B - the sample has one rollout") : second;
        return PromptInputs.pairwise(systemPrompt, target, reference, prediction.raw(), b);
    }
}
