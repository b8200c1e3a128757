package dev.juror.calibration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.views.CrossJudgeMatrix;
import dev.juror.calibration.views.DimensionCalibration;
import dev.juror.calibration.views.RunAgreement;
import dev.juror.calibration.views.SampleScoreAgreement;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@link CalibrationEngine#calibrate}: per dimension the human ceiling and each judge
 * run against the humans; per run the sample-score agreement and disagreements; the cross-judge
 * matrices. Serialised as the machine-readable calibration report.
 */
public record CalibrationReport(String rubric, @JsonProperty("rubric_version") String rubricVersion,
                                @JsonProperty("scale_min") int scaleMin, @JsonProperty("scale_max") int scaleMax,
                                @JsonProperty("created_at") Instant createdAt, List<String> humans,
                                @JsonProperty("human_labels") int humanLabels,
                                @JsonProperty("bootstrap") BootstrapInfo bootstrap,
                                @JsonProperty("human_sample_score") SampleScoreAgreement humanSampleScore,
                                List<DimensionCalibration> dimensions, List<RunAgreement> runs,
                                @JsonProperty("cross_judge") List<CrossJudgeMatrix> crossJudge) {

    public record BootstrapInfo(int resamples, double level, long seed, String unit) {
    }
}
