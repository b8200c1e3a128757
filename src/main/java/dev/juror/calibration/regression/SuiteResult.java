package dev.juror.calibration.regression;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The outcome of running a suite against a rubric version with a judge: per case and overall. */
public record SuiteResult(String suite, @JsonProperty("suite_hash") String suiteHash,
                          @JsonProperty("rubric_version") String rubricVersion,
                          @JsonProperty("judge_model") String judgeModel, @JsonProperty("created_at") Instant createdAt,
                          List<CaseResult> cases) {

    public SuiteResult {
        cases = List.copyOf(cases);
    }

    public record CaseResult(String id, boolean passed, String rollout, List<Check> checks) {
    }

    /** One expectation and what was found. */
    public record Check(String expectation, String path, boolean passed, String found) {
    }

    @JsonProperty("passed")
    public boolean passed() {
        return !cases.isEmpty() && cases.stream().allMatch(CaseResult::passed);
    }

    @JsonProperty("failed_cases")
    public int failedCases() {
        return (int) cases.stream().filter(c -> !c.passed()).count();
    }
}
