package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Everything about one rubric dimension: the human ceiling, the humans' score distribution, each judge run. */
public record DimensionCalibration(String dimension, @JsonProperty("human_ceiling") HumanCeiling humanCeiling,
                                   @JsonProperty("human_histogram") long[] humanHistogram,
                                   List<JudgeDimension> judges) {

    public java.util.Optional<JudgeDimension> judge(String run) {
        return judges.stream().filter(j -> j.run().equals(run)).findFirst();
    }
}
