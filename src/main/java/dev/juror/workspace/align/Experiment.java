package dev.juror.workspace.align;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.align.Split;
import java.util.List;
import java.util.Map;

/**
 * One alignment round as stored ({@code alignment/NNN-rubric/experiment.json}) and listed: its split,
 * every candidate with its validation scores, calls and tokens, the chosen one and its test result.
 *
 * @param chosen        the chosen candidate's id, or empty when the baseline stayed best on validation
 * @param testRun       the judge run of the chosen candidate on the test split, or null
 * @param rubricFile    the new rubric version's file (relative to the workspace), or empty
 * @param testUses      how many rounds had judged this split's test samples, this one included
 * @param costEstimate  the estimate checked against the cap before any call (null: no price known)
 */
public record Experiment(int id, String rubric, @JsonProperty("baseline_version") String baselineVersion,
                         @JsonProperty("created_at") String createdAt, String provider, String model,
                         @JsonProperty("baseline_run") long baselineRun, Split split,
                         List<CandidateRecord> candidates, String chosen, @JsonProperty("test_run") Long testRun,
                         @JsonProperty("new_version") String newVersion, @JsonProperty("rubric_file") String rubricFile,
                         List<DimensionResult> test, @JsonProperty("test_uses") int testUses, long calls,
                         @JsonProperty("input_tokens") long inputTokens, @JsonProperty("output_tokens") long outputTokens,
                         @JsonProperty("cost_estimate") Double costEstimate, String currency, List<String> notes) {

    /**
     * A candidate: rejected before any call (with the reason), or judged on the validation split.
     *
     * @param kappa      quadratic weighted kappa per dimension on validation (null: undefined)
     * @param kappaLower the lower bound of its interval (null: undefined)
     */
    public record CandidateRecord(String id, String origin, String description, String rejection,
                                  @JsonProperty("validation_run") Long validationRun, Map<String, Double> kappa,
                                  @JsonProperty("kappa_lower") Map<String, Double> kappaLower, long calls,
                                  @JsonProperty("input_tokens") long inputTokens,
                                  @JsonProperty("output_tokens") long outputTokens) {
    }

    /**
     * The chosen candidate on the test split, one dimension: its kappa (as {@code juror calibrate} gives
     * it for the test run), the baseline's on the same items, the paired-bootstrap interval of the
     * difference, and the human ceiling.
     */
    public record DimensionResult(String dimension, int items, Double kappa, @JsonProperty("kappa_low") Double kappaLow,
                                  @JsonProperty("kappa_high") Double kappaHigh,
                                  @JsonProperty("baseline_kappa") Double baselineKappa, Double difference,
                                  @JsonProperty("difference_low") Double differenceLow,
                                  @JsonProperty("difference_high") Double differenceHigh,
                                  @JsonProperty("ceiling_kappa") Double ceilingKappa,
                                  @JsonProperty("ceiling_low") Double ceilingLow,
                                  @JsonProperty("ceiling_high") Double ceilingHigh) {
    }
}
