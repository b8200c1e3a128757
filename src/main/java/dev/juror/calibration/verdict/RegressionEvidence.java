package dev.juror.calibration.verdict;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of a regression suite run that a verdict can rely on. */
public record RegressionEvidence(String suite, @JsonProperty("rubric_version") String rubricVersion,
                                 @JsonProperty("judge_model") String judgeModel, int cases, int failed) {

    public boolean passed() {
        return cases > 0 && failed == 0;
    }
}
