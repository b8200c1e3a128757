package dev.juror.calibration.drift;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A drift threshold crossed.
 *
 * @param kind     {@code kappa_drop} (paired bootstrap: the run agrees significantly less than the baseline),
 *                 {@code not_non_inferior} (the lower bound of the difference is below -margin),
 *                 {@code kappa_floor} (agreement below the floor), {@code psi} (score distribution shift),
 *                 {@code cusum} (sustained shift of the mean score)
 * @param severity {@code WARN} or {@code ALARM}
 * @param subject  what it is about: a run id, a rubric version, a time window, with the dimension
 */
public record DriftAlert(String kind, Severity severity, String subject, Double measured, Double threshold,
                         String message) {

    public enum Severity { WARN, ALARM }

    @JsonProperty("summary")
    public String summary() {
        return severity + " " + kind + " " + subject + ": " + message;
    }
}
