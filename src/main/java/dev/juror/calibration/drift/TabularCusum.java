package dev.juror.calibration.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Tabular CUSUM (Montgomery; reference section 4.2(4)) on a scalar stream such as the daily mean
 * judge score: C+_i = max(0, x_i - (target + k) + C+_{i-1}), C-_i = max(0, (target - k) - x_i +
 * C-_{i-1}); an upward (downward) alarm when C+ (C-) exceeds h. Usual settings k = sigma/2,
 * h = 4 or 5 sigma, sigma estimated from in-control periods. By default the sums keep running after
 * an alarm (so a persisting shift stays visible); with {@code resetAfterAlarm} both sums restart at
 * 0 after each alarm, as after an investigated alarm.
 */
public final class TabularCusum {

    /** One observation and the state after it. */
    public record Step(int index, double value, double upper, double lower, boolean upwardAlarm,
            boolean downwardAlarm) {
        public boolean alarm() {
            return upwardAlarm || downwardAlarm;
        }
    }

    private final double target;
    private final double k;
    private final double h;
    private final boolean resetAfterAlarm;

    public TabularCusum(double target, double k, double h, boolean resetAfterAlarm) {
        if (!Double.isFinite(target) || !(k >= 0) || !(h > 0)) {
            throw new IllegalArgumentException("need a finite target, k >= 0 and h > 0");
        }
        this.target = target;
        this.k = k;
        this.h = h;
        this.resetAfterAlarm = resetAfterAlarm;
    }

    /** The reference defaults: k = 0.5 sigma, h = 4 sigma, sums not reset. */
    public static TabularCusum withSigma(double target, double sigma) {
        return new TabularCusum(target, 0.5 * sigma, 4 * sigma, false);
    }

    public List<Step> run(double[] values) {
        List<Step> steps = new ArrayList<>(values.length);
        double upper = 0;
        double lower = 0;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("value " + i + " is not finite");
            }
            upper = Math.max(0, x - (target + k) + upper);
            lower = Math.max(0, (target - k) - x + lower);
            boolean up = upper > h;
            boolean down = lower > h;
            steps.add(new Step(i, x, upper, lower, up, down));
            if (resetAfterAlarm && (up || down)) {
                upper = 0;
                lower = 0;
            }
        }
        return steps;
    }

    /** Index of the first alarm, or -1. */
    public int firstAlarm(double[] values) {
        for (Step s : run(values)) {
            if (s.alarm()) {
                return s.index();
            }
        }
        return -1;
    }
}
