package dev.juror.calibration.drift;

import java.time.Duration;

/**
 * Thresholds of the drift monitor (reference section 4.3 defaults).
 *
 * @param margin       non-inferiority margin in quadratic kappa for the paired difference vs the baseline
 * @param kappaFloor   alarm when a run's quadratic kappa against the humans falls below this
 * @param window       length of a time window (runs are grouped by the window their creation time falls in)
 * @param psiWarn      PSI above this warns
 * @param psiAlarm     PSI above this alarms
 * @param cusumK       CUSUM allowance in standard errors of the window mean
 * @param cusumH       CUSUM decision interval in standard errors
 */
public record DriftSettings(double margin, double kappaFloor, Duration window, double psiWarn, double psiAlarm,
                            double cusumK, double cusumH) {

    public static DriftSettings defaults() {
        return new DriftSettings(0.05, 0.6, Duration.ofDays(1), Psi.DEFAULT_WARN, Psi.DEFAULT_ALARM, 0.5, 4);
    }
}
