package dev.juror.calibration.verdict;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * VALIDATED or NOT VALIDATED for one rubric version and judge model, with every condition and its
 * numbers; a judge is validated only when every condition passes.
 */
public record Verdict(Status status, String rubric, @JsonProperty("rubric_version") String rubricVersion,
                      @JsonProperty("judge_model") String judgeModel, @JsonProperty("run") String run,
                      @JsonProperty("created_at") Instant createdAt, List<Condition> conditions) {

    public enum Status {
        VALIDATED, NOT_VALIDATED;

        public String label() {
            return this == VALIDATED ? "VALIDATED" : "NOT VALIDATED";
        }
    }

    public Verdict {
        conditions = List.copyOf(conditions);
    }

    public boolean validated() {
        return status == Status.VALIDATED;
    }

    @JsonProperty("failed")
    public List<Condition> failed() {
        return conditions.stream().filter(c -> !c.passed()).toList();
    }
}
