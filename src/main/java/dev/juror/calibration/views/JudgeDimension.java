package dev.juror.calibration.views;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One judge run on one dimension.
 *
 * @param vsHumans        judge vs every human, all items both scored
 * @param vsHumansDoubly  the same restricted to doubly-labelled items (same items as the ceiling)
 * @param stableVsHumans  judge vs humans on items whose score did not change across repeats
 * @param confusion       counts, rows = judge score, columns = human score (scale order)
 * @param judgeHistogram  the judge's scores per scale category
 */
public record JudgeDimension(String run, @JsonProperty("vs_humans") Agreement vsHumans,
                             @JsonProperty("vs_humans_doubly_covered") Agreement vsHumansDoubly,
                             @JsonProperty("leave_one_annotator_out") LeaveOneAnnotatorOut loao,
                             @JsonProperty("repeat_consistency") RepeatConsistency consistency,
                             @JsonProperty("stable_vs_humans") Agreement stableVsHumans,
                             int[][] confusion, @JsonProperty("judge_histogram") long[] judgeHistogram) {
}
