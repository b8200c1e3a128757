package dev.juror.cli;

import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.StepSummary;
import dev.juror.watch.detect.WatchReport;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The {@code --html} page of {@code juror watch report}: one self-contained file (inline CSS and SVG,
 * no script, nothing fetched), a chart per series against step with the alarms marked, the alarms
 * and the notes.
 */
final class WatchReportHtml {

    private static final int W = 760;
    private static final int H = 150;
    private static final int PAD = 40;

    private WatchReportHtml() {
    }

    static String page(WatchReport r) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Training run ").append(esc(r.run()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}h2{margin-top:1.5em}"
                        + "svg{background:#fafafa;border:1px solid #ddd}.alarm{color:#b00020}td,th{padding:2px 8px;"
                        + "text-align:left;vertical-align:top}</style></head><body>\n");
        b.append("<h1>Training run ").append(esc(r.run())).append("</h1>\n<p>")
                .append(r.steps().stream().mapToLong(StepSummary::records).sum()).append(" reward records over ")
                .append(r.steps().size()).append(" steps, placed by ").append(esc(r.placement().wire())).append(".</p>\n");
        b.append("<h2>Alarms</h2>\n");
        if (r.alarms().isEmpty()) {
            b.append("<p>No alarm.</p>\n");
        } else {
            b.append("<table><tr><th>step</th><th>detector</th><th>evidence</th><th>examples</th></tr>\n");
            for (Alarm a : r.alarms()) {
                b.append("<tr class=\"alarm\"><td>").append(a.step()).append("</td><td>").append(esc(a.detector()))
                        .append("</td><td>").append(esc(a.evidence())).append("</td><td>")
                        .append(esc(String.join(", ", a.examples()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        chart(b, r, "Reward (mean, min-max band)", StepSummary::rewardMean, StepSummary::rewardMin, StepSummary::rewardMax);
        chart(b, r, "Prediction length (characters)", StepSummary::lengthMean, null, null);
        chart(b, r, "Comments per prediction", StepSummary::commentsMean, null, null);
        chart(b, r, "Fallback rate", StepSummary::fallbackRate, null, null);
        chart(b, r, "Score shift (largest PSI against the calibration set)", StepSummary::scoreShift, null, null);
        checkpoints(b, r);
        if (!r.notes().isEmpty()) {
            b.append("<h2>Notes</h2>\n<ul>\n");
            r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void checkpoints(StringBuilder b, WatchReport r) {
        if (r.checkpoints().isEmpty()) {
            return;
        }
        b.append("<h2>Expert agreement at checkpoints</h2>\n<table><tr><th>checkpoint</th><th>step</th>"
                + "<th>labelled</th><th>kappa per dimension [interval]</th><th>judge mean</th><th>experts' mean</th></tr>\n");
        for (CheckpointAgreement c : r.checkpoints()) {
            StringBuilder kappas = new StringBuilder();
            c.agreement().forEach((dim, k) -> kappas.append(esc(dim)).append(' ').append(String.format(Locale.ROOT,
                    "%.2f [%.2f, %.2f]", k, c.lower().getOrDefault(dim, Double.NaN), c.upper().getOrDefault(dim,
                            Double.NaN))).append("<br>"));
            b.append("<tr><td>").append(esc(c.checkpoint())).append("</td><td>").append(c.step()).append("</td><td>")
                    .append(c.labelled()).append("</td><td>").append(kappas).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", c.judgeMean())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", c.expertMean())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void chart(StringBuilder b, WatchReport r, String title, ToDoubleFunction<StepSummary> line,
                              ToDoubleFunction<StepSummary> low, ToDoubleFunction<StepSummary> high) {
        List<StepSummary> steps = r.steps();
        b.append("<h2>").append(esc(title)).append("</h2>\n");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (StepSummary s : steps) {
            for (ToDoubleFunction<StepSummary> f : new ToDoubleFunction[]{line, low, high}) {
                if (f != null && Double.isFinite(f.applyAsDouble(s))) {
                    min = Math.min(min, f.applyAsDouble(s));
                    max = Math.max(max, f.applyAsDouble(s));
                }
            }
        }
        if (steps.isEmpty() || min > max) {
            b.append("<p>Nothing to draw.</p>\n");
            return;
        }
        if (max == min) {
            max = min + 1;
        }
        int first = steps.get(0).step();
        int last = Math.max(first + 1, steps.get(steps.size() - 1).step());
        b.append("<svg width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\">\n");
        if (low != null) {
            StringBuilder band = new StringBuilder();
            for (StepSummary s : steps) {
                band.append(x(s.step(), first, last)).append(',').append(y(high.applyAsDouble(s), min, max)).append(' ');
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                StepSummary s = steps.get(i);
                band.append(x(s.step(), first, last)).append(',').append(y(low.applyAsDouble(s), min, max)).append(' ');
            }
            b.append("<polygon fill=\"#cfe0f5\" stroke=\"none\" points=\"").append(band.toString().trim()).append("\"/>\n");
        }
        StringBuilder path = new StringBuilder();
        for (StepSummary s : steps) {
            double v = line.applyAsDouble(s);
            if (Double.isFinite(v)) {
                path.append(x(s.step(), first, last)).append(',').append(y(v, min, max)).append(' ');
            }
        }
        b.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" points=\"").append(path.toString().trim())
                .append("\"/>\n");
        for (Alarm a : r.alarms()) {
            String ax = x(a.step(), first, last);
            b.append("<line x1=\"").append(ax).append("\" x2=\"").append(ax).append("\" y1=\"10\" y2=\"").append(H - 20)
                    .append("\" stroke=\"#b00020\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>")
                    .append(text(Double.parseDouble(ax) + 3, 20, a.detector())).append('\n');
        }
        b.append(text(4, 14, label(max))).append(text(4, H - 22, label(min))).append(text(PAD, H - 4, "step " + first))
                .append(text(W - PAD - 60, H - 4, "step " + last)).append("</svg>\n");
    }

    private static String x(int step, int first, int last) {
        return fmt(PAD + (W - 2.0 * PAD) * (step - first) / (last - first));
    }

    private static String y(double v, double min, double max) {
        return fmt(10 + (H - 30.0) * (1 - (v - min) / (max - min)));
    }

    private static String text(double x, double y, String s) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"11\" fill=\"#555\">" + esc(s) + "</text>";
    }

    /** An axis label: whole numbers from 100 up, else three decimals. */
    private static String label(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
