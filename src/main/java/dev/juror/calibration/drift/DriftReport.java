package dev.juror.calibration.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.views.StatWithCi;
import java.time.Instant;
import java.util.List;

/**
 * Drift of a judge over rubric versions and over time on a frozen anchor set.
 *
 * @param anchorItems items (comment x dimension) with human labels used as the anchor set
 * @param baseline    the run every other run is compared with
 */
public record DriftReport(@JsonProperty("anchor_items") int anchorItems, String baseline,
                          List<DimensionDrift> dimensions, List<Window> windows, List<DriftAlert> alerts) {

    public record DimensionDrift(String dimension, List<VersionPoint> versions, List<RunPoint> runs) {
    }

    /** All runs of one rubric version pooled (pairs clustered by item). */
    public record VersionPoint(@JsonProperty("rubric_version") String rubricVersion, List<String> runs,
                               int items, @JsonProperty("kappa_quadratic") StatWithCi kappaQuadratic) {
    }

    /**
     * @param difference quadratic kappa of this run minus the baseline's, paired bootstrap on the items both scored
     */
    public record RunPoint(String run, @JsonProperty("rubric_version") String rubricVersion,
                           @JsonProperty("judge_model") String judgeModel, @JsonProperty("created_at") Instant createdAt,
                           int items, @JsonProperty("kappa_quadratic") StatWithCi kappaQuadratic,
                           @JsonProperty("difference_vs_baseline") StatWithCi difference) {
    }

    /**
     * Judge score distribution of one time window, all dimensions pooled.
     *
     * @param psi      against the first (baseline) window
     * @param cusumZ   the window mean in standard errors from the baseline mean
     */
    public record Window(Instant start, List<String> runs, long scores, long[] histogram,
                         @JsonProperty("mean_score") Estimate mean, Estimate psi,
                         @JsonProperty("psi_band") Psi.Band band, @JsonProperty("cusum_z") Estimate cusumZ,
                         @JsonProperty("cusum_upper") Estimate cusumUpper, @JsonProperty("cusum_lower") Estimate cusumLower,
                         @JsonProperty("cusum_alarm") boolean cusumAlarm) {
    }
}
