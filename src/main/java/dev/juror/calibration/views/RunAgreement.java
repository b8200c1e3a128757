package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A judge run's whole-rollout results: sample-score agreement and the disagreement list.
 *
 * @param disagreementCount all items where judge and humans differ; {@code disagreements} lists the largest
 */
public record RunAgreement(String id, @JsonProperty("rubric_version") String rubricVersion,
                         @JsonProperty("judge_model") String judgeModel, @JsonProperty("created_at") Instant createdAt,
                         int repeats, @JsonProperty("sample_score_vs_humans") SampleScoreAgreement sampleScore,
                         @JsonProperty("disagreement_count") int disagreementCount,
                         List<Disagreement> disagreements) {
}
