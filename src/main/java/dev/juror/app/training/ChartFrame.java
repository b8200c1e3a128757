package dev.juror.app.training;

import dev.juror.app.training.TrainingCharts.Line;
import dev.juror.app.training.TrainingCharts.Panel;
import dev.juror.app.training.TrainingCharts.Whiskers;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@link StepChart} draws: the plot rectangle and the value range, and the mapping between
 * steps or values and pixels. The value range covers every finite value of the panel (band, lines,
 * whiskers) with a little room; a flat line gets a range around its value.
 */
record ChartFrame(double left, double top, double right, double bottom, double firstStep, double lastStep,
                  double yMin, double yMax) {

    static ChartFrame of(Panel p, double firstStep, double lastStep, double left, double top, double right,
                         double bottom) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<double[]> columns = new ArrayList<>();
        p.lines().stream().map(Line::y).forEach(columns::add);
        if (p.band() != null) {
            columns.add(p.band().low());
            columns.add(p.band().high());
        }
        for (Whiskers w : p.whiskers()) {
            columns.add(w.y());
            columns.add(w.low());
            columns.add(w.high());
        }
        for (double[] column : columns) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double span = hi - lo;
        if (span < 1e-9) {
            double pad = Math.max(Math.abs(lo) * 0.1, 0.5);
            lo -= pad;
            hi += pad;
        } else {
            lo -= span * 0.06;
            hi += span * 0.06;
        }
        return new ChartFrame(left, top, right, bottom, firstStep, lastStep, lo, hi);
    }

    double x(double step) {
        return left + (step - firstStep) / (lastStep - firstStep) * (right - left);
    }

    double y(double value) {
        return bottom - (value - yMin) / (yMax - yMin) * (bottom - top);
    }

    double stepAt(double px) {
        return firstStep + (px - left) / (right - left) * (lastStep - firstStep);
    }

    boolean inPlot(double px, double py) {
        return px >= left - 4 && px <= right + 4 && py >= top - 4 && py <= bottom + 4;
    }

    /** A format showing the ticks' differences and no more digits ({@code %.0f} for 0, 100, 200; {@code %.1f} for 0.0, 0.2). */
    static String tickFormat(List<Double> ticks) {
        if (ticks.size() < 2) {
            return "%.2f";
        }
        double step = Math.abs(ticks.get(1) - ticks.get(0));
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return "%." + Math.min(decimals, 4) + "f";
    }

    /** Round values between {@code from} and {@code to}, about {@code count} of them (1, 2 or 5 times a power of ten apart). */
    static List<Double> ticks(double from, double to, int count) {
        List<Double> out = new ArrayList<>();
        double span = to - from;
        if (!(span > 0) || count < 1) {
            return out;
        }
        double raw = span / count;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power
                : 10 * power;
        for (double v = Math.ceil(from / step) * step; v <= to + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }
}
