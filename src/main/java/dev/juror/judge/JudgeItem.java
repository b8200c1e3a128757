package dev.juror.judge;

import dev.juror.dataset.ContentHash;
import dev.juror.dataset.Comment;
import dev.juror.dataset.Prediction;
import dev.juror.rubric.Mode;
import dev.juror.rubric.PromptInputs;
import dev.juror.rubric.Rubric;
import dev.juror.rubric.Unit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one judgement needs: the rubric, the sample's parts, and the candidate.
 *
 * @param key          stable identifier of the item (e.g. {@code rollout-42}); shows up in logs and
 *                     errors
 * @param rubric       the rubric to grade with
 * @param systemPrompt the system prompt the policy model was given
 * @param target       the target document (the contract)
 * @param reference    the reference document (the playbook)
 * @param prediction   the policy's raw output, exactly as written (candidate A for pairwise)
 * @param comments     the prediction's parsed comments, to match the judge's scores against; null
 *                     for response-level and pairwise rubrics and when the prediction yielded no
 *                     comments (the judge's entries are then taken as they come)
 * @param predictionB  candidate B of a pairwise rubric; empty for pointwise ones
 */
public record JudgeItem(String key, Rubric rubric, String systemPrompt, String target, String reference,
                        String prediction, List<Comment> comments, Optional<String> predictionB) {

    public JudgeItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(predictionB, "predictionB (use Optional.empty())");
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        target = target == null ? "" : target;
        reference = reference == null ? "" : reference;
        prediction = prediction == null ? "" : prediction;
        comments = comments == null ? null : List.copyOf(comments);
        if (rubric.mode() == Mode.PAIRWISE && predictionB.isEmpty()) {
            throw new IllegalArgumentException("item " + key + ": rubric " + rubric.name()
                    + " is pairwise and needs a second candidate (B)");
        }
        if (rubric.mode() == Mode.POINTWISE && predictionB.isPresent()) {
            throw new IllegalArgumentException("item " + key + ": rubric " + rubric.name()
                    + " is pointwise and takes one candidate");
        }
    }

    /**
     * A pointwise item from a parsed prediction. The comments are matched against the judge's
     * answer only for {@code unit: comment} rubrics and only when the prediction yielded comments.
     */
    public static JudgeItem pointwise(String key, Rubric rubric, String systemPrompt, String target, String reference,
                                      Prediction prediction) {
        List<Comment> comments = rubric.unit() == Unit.COMMENT && !prediction.comments().isEmpty()
                ? prediction.comments() : null;
        return new JudgeItem(key, rubric, systemPrompt, target, reference, prediction.raw(), comments, Optional.empty());
    }

    /** A pairwise item: candidate A against candidate B. */
    public static JudgeItem pairwise(String key, Rubric rubric, String systemPrompt, String target, String reference,
                                     String candidateA, String candidateB) {
        return new JudgeItem(key, rubric, systemPrompt, target, reference, candidateA, null,
                Optional.of(candidateB == null ? "" : candidateB));
    }

    /** The prompt inputs of this item. */
    public PromptInputs promptInputs() {
        return predictionB.map(b -> PromptInputs.pairwise(systemPrompt, target, reference, prediction, b))
                .orElseGet(() -> PromptInputs.pointwise(systemPrompt, target, reference, prediction));
    }

    /**
     * The content hash recordings are keyed by: SHA-256 of the raw prediction (the store's
     * {@code rollouts.prediction_hash}); for pairwise items, of both candidates.
     */
    public String contentHash() {
        return predictionB.map(b -> ContentHash.ofParts(prediction, b)).orElseGet(() -> ContentHash.of(prediction));
    }
}
