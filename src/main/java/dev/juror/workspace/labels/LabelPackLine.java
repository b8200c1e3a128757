package dev.juror.workspace.labels;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a label pack (JSONL): a label with everything needed to find its item in another
 * workspace. {@code prediction_hash} detects that the other workspace holds a different prediction
 * under the same sample id and rollout index. {@code created_at} is when the labeller says the label
 * was made: information only (which label counts is decided by import order). The {@code imported_*}
 * fields are written for labels that came into the exporting workspace from a pack (that pack's
 * SHA-256, who imported it, when); an importing workspace records its own import instead.
 * {@code blind} and {@code seen} say what the labeller could see when they gave the label (nothing
 * of the judge or other labellers, or what was shown); a line without {@code blind} (packs written
 * before Juror recorded it) is imported as not blind, since nothing proves it was.
 * A preference (pairwise rubric) also names the second rollout of the pair ({@code rollout_b_index},
 * {@code prediction_b_hash}, of the same sample) and {@code shown_order}: {@code AB} when the first
 * rollout was shown on the left, {@code BA} when the sides were swapped; its {@code score} is
 * {@code A}, {@code B} or {@code tie} in the line's naming (A = the rollout of {@code rollout_index}),
 * whatever side it was shown on, and its {@code comment_position} is -1.
 */
@JsonPropertyOrder({"uid", "labeller", "sample_id", "rollout_index", "prediction_hash", "comment_position", "comment_id",
        "dimension", "score", "note", "seconds", "rubric_version", "judge_hidden", "blind", "seen", "flagged", "created_at",
        "origin", "imported_from", "imported_by", "imported_at", "rollout_b_index", "prediction_b_hash", "shown_order"})
public record LabelPackLine(String uid, String labeller, @JsonProperty("sample_id") String sampleId,
                            @JsonProperty("rollout_index") Integer rolloutIndex,
                            @JsonProperty("prediction_hash") String predictionHash,
                            @JsonProperty("comment_position") Integer commentPosition,
                            @JsonProperty("comment_id") String commentId, String dimension, String score, String note,
                            Double seconds, @JsonProperty("rubric_version") String rubricVersion,
                            @JsonProperty("judge_hidden") Boolean judgeHidden,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean blind,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String seen, Boolean flagged,
                            @JsonProperty("created_at") String createdAt, String origin,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("imported_from") String importedFrom,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("imported_by") String importedBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("imported_at") String importedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("rollout_b_index") Integer rolloutBIndex,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("prediction_b_hash") String predictionBHash,
                            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("shown_order") String shownOrder) {

    /** A preference between two rollouts (pairwise rubric), not a label of one. */
    public boolean preference() {
        return rolloutBIndex != null;
    }
}
