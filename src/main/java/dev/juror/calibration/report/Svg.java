package dev.juror.calibration.report;

import static dev.juror.calibration.report.Html.esc;
import static dev.juror.calibration.report.Html.num;

import dev.juror.calibration.stats.Estimate;
import dev.juror.calibration.stats.Interval;
import dev.juror.calibration.views.StatWithCi;
import java.util.List;
import java.util.Locale;

/** Small inline SVG charts: an interval (forest) plot, grouped histograms and a heatmap. */
public final class Svg {

    private static final String[] PALETTE = {"#7b61c9", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#8c564b"};

    private Svg() {
    }

    /** One row of a forest plot: a point estimate with an optional interval, on the kappa axis [-1, 1]. */
    public record ForestRow(String label, Estimate value, Double low, Double high, boolean reference) {
        public static ForestRow of(String label, StatWithCi s, boolean reference) {
            if (s.ci() instanceof Interval.Bounds b) {
                return new ForestRow(label, s.estimate(), b.low(), b.high(), reference);
            }
            return new ForestRow(label, s.estimate(), null, null, reference);
        }
    }

    public record Series(String label, long[] counts) {
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Interval plot on [-1, 1] with guide lines at 0, 0.6 and 0.8. */
    public static String forest(String title, List<ForestRow> rows) {
        int left = 170;
        int width = 300;
        int rowH = 24;
        int height = 40 + rows.size() * rowH + 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + width + 30).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        s.append("<text x=\"8\" y=\"18\" font-weight=\"bold\">").append(esc(title)).append("</text>");
        for (double g : new double[] {-1, 0, 0.6, 0.8, 1}) {
            double x = left + (g + 1) / 2 * width;
            s.append("<line x1=\"").append(f(x)).append("\" y1=\"28\" x2=\"").append(f(x)).append("\" y2=\"")
                    .append(height - 20).append("\" stroke=\"").append(g == 0.6 || g == 0.8 ? "#e0a000" : "#c8ced8")
                    .append("\" stroke-dasharray=\"3,3\"/>");
            s.append("<text x=\"").append(f(x - 8)).append("\" y=\"").append(height - 6).append("\">")
                    .append(g == (int) g ? Integer.toString((int) g) : num(g).substring(0, 3)).append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            double y = 40 + i * rowH + rowH / 2.0;
            String color = r.reference() ? PALETTE[0] : PALETTE[1 + (i % (PALETTE.length - 1))];
            s.append("<text x=\"8\" y=\"").append(f(y + 4)).append("\">").append(esc(trim(r.label(), 26))).append("</text>");
            if (r.low() != null) {
                s.append("<line x1=\"").append(f(xOf(r.low(), left, width))).append("\" y1=\"").append(f(y))
                        .append("\" x2=\"").append(f(xOf(r.high(), left, width))).append("\" y2=\"").append(f(y))
                        .append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>");
            }
            if (r.value() instanceof Estimate.Defined d) {
                s.append("<circle cx=\"").append(f(xOf(d.value(), left, width))).append("\" cy=\"").append(f(y))
                        .append("\" r=\"5\" fill=\"").append(color).append("\"><title>").append(esc(r.label()))
                        .append(": ").append(num(d.value())).append("</title></circle>");
            } else {
                s.append("<text x=\"").append(left + 4).append("\" y=\"").append(f(y + 4))
                        .append("\" fill=\"#9a6b00\">undefined</text>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static double xOf(double v, int left, int width) {
        double c = Math.max(-1, Math.min(1, v));
        return left + (c + 1) / 2 * width;
    }

    /** Score distributions as shares per scale category: humans first, then each judge. */
    public static String histograms(String title, int scaleMin, long[] human, List<Series> judges) {
        List<Series> all = new java.util.ArrayList<>();
        all.add(new Series("humans", human));
        all.addAll(judges);
        int k = human.length;
        int groupW = Math.max(40, 14 * all.size() + 12);
        int chartH = 150;
        int width = 50 + k * groupW + 20;
        int height = chartH + 70 + 16 * all.size();
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        s.append("<text x=\"8\" y=\"18\" font-weight=\"bold\">").append(esc(title)).append(" (share of scores)</text>");
        int base = 30 + chartH;
        s.append("<line x1=\"40\" y1=\"").append(base).append("\" x2=\"").append(width - 10).append("\" y2=\"").append(base)
                .append("\" stroke=\"#8a93a5\"/>");
        for (int si = 0; si < all.size(); si++) {
            long total = 0;
            for (long c : all.get(si).counts()) {
                total += c;
            }
            for (int c = 0; c < k; c++) {
                double share = total == 0 ? 0 : (double) all.get(si).counts()[c] / total;
                double h = share * chartH;
                double x = 50 + c * groupW + si * 14;
                s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(base - h)).append("\" width=\"12\" height=\"")
                        .append(f(h)).append("\" fill=\"").append(PALETTE[si % PALETTE.length]).append("\"><title>")
                        .append(esc(all.get(si).label())).append(", score ").append(scaleMin + c).append(": ")
                        .append(all.get(si).counts()[c]).append(" of ").append(total).append("</title></rect>");
            }
        }
        for (int c = 0; c < k; c++) {
            s.append("<text x=\"").append(f(50 + c * groupW + groupW / 2.0 - 8)).append("\" y=\"").append(base + 14)
                    .append("\">").append(scaleMin + c).append("</text>");
        }
        for (int si = 0; si < all.size(); si++) {
            int y = base + 32 + si * 16;
            s.append("<rect x=\"50\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(PALETTE[si % PALETTE.length]).append("\"/><text x=\"66\" y=\"").append(y).append("\">")
                    .append(esc(trim(all.get(si).label(), 40))).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Counts table as a heatmap, rows = first rater, columns = second, darker = more items. */
    public static String heatmap(String title, int scaleMin, int[][] counts) {
        int k = counts.length;
        int cell = 34;
        int left = 40;
        int top = 44;
        int width = Math.max(left + k * cell + 20, 7 * Math.min(title.length(), 60) + 16);
        int height = top + k * cell + 30;
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        s.append("<text x=\"8\" y=\"18\" font-weight=\"bold\">").append(esc(trim(title, 60))).append("</text>");
        for (int i = 0; i < k; i++) {
            s.append("<text x=\"").append(left - 16).append("\" y=\"").append(top + i * cell + cell / 2 + 4).append("\">")
                    .append(scaleMin + i).append("</text>");
            s.append("<text x=\"").append(left + i * cell + cell / 2 - 4).append("\" y=\"").append(top - 6).append("\">")
                    .append(scaleMin + i).append("</text>");
            for (int j = 0; j < k; j++) {
                double t = (double) counts[i][j] / max;
                int shade = (int) Math.round(245 - t * 180);
                String fill = String.format(Locale.ROOT, "rgb(%d,%d,%d)", shade, shade, 255);
                s.append("<rect x=\"").append(left + j * cell).append("\" y=\"").append(top + i * cell)
                        .append("\" width=\"").append(cell - 1).append("\" height=\"").append(cell - 1)
                        .append("\" fill=\"").append(i == j ? fill : fill).append("\" stroke=\"")
                        .append(i == j ? "#2e7d32" : "none").append("\"><title>row ").append(scaleMin + i)
                        .append(", column ").append(scaleMin + j).append(": ").append(counts[i][j]).append("</title></rect>");
                if (counts[i][j] > 0) {
                    s.append("<text x=\"").append(left + j * cell + cell / 2 - 6).append("\" y=\"")
                            .append(top + i * cell + cell / 2 + 4).append("\"").append(t > 0.6 ? " fill=\"#fff\"" : "")
                            .append(">").append(counts[i][j]).append("</text>");
                }
            }
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars of the mean sample score per model with its interval, on the score axis. */
    public static String bars(String title, List<dev.juror.calibration.views.ModelComparison.ModelRow> rows) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (var r : rows) {
            double v = r.meanSampleScore().estimate().valueOr(0);
            lo = Math.min(lo, Math.min(v, r.meanSampleScore().lower().valueOr(v)));
            hi = Math.max(hi, Math.max(v, r.meanSampleScore().upper().valueOr(v)));
        }
        lo = Math.floor(Math.min(lo, hi));
        hi = Math.ceil(hi);
        if (hi <= lo) {
            hi = lo + 1;
        }
        int left = 150;
        int width = 320;
        int rowH = 26;
        int height = 40 + rows.size() * rowH + 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + width + 30).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        s.append("<text x=\"8\" y=\"18\" font-weight=\"bold\">").append(esc(title)).append("</text>");
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            double y = 32 + i * rowH;
            double v = r.meanSampleScore().estimate().valueOr(lo);
            double w = (v - lo) / (hi - lo) * width;
            s.append("<text x=\"8\" y=\"").append(f(y + 14)).append("\">").append(esc(trim(r.model(), 22))).append("</text>");
            s.append("<rect x=\"").append(left).append("\" y=\"").append(f(y + 3)).append("\" width=\"").append(f(w))
                    .append("\" height=\"16\" fill=\"").append(PALETTE[1 + i % (PALETTE.length - 1)]).append("\"><title>")
                    .append(esc(r.model())).append(": ").append(num(v)).append("</title></rect>");
            if (r.meanSampleScore().ci() instanceof Interval.Bounds b) {
                double x1 = left + (b.low() - lo) / (hi - lo) * width;
                double x2 = left + (b.high() - lo) / (hi - lo) * width;
                s.append("<line x1=\"").append(f(x1)).append("\" y1=\"").append(f(y + 11)).append("\" x2=\"").append(f(x2))
                        .append("\" y2=\"").append(f(y + 11)).append("\" stroke=\"#1d2330\" stroke-width=\"2\"/>");
            }
        }
        for (double t = lo; t <= hi + 1e-9; t += 1) {
            double x = left + (t - lo) / (hi - lo) * width;
            s.append("<text x=\"").append(f(x - 3)).append("\" y=\"").append(height - 6).append("\">").append((int) t)
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    static String trim(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
