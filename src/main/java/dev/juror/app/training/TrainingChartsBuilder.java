package dev.juror.app.training;

import dev.juror.app.training.TrainingCharts.AlarmRow;
import dev.juror.app.training.TrainingCharts.Band;
import dev.juror.app.training.TrainingCharts.Line;
import dev.juror.app.training.TrainingCharts.Marker;
import dev.juror.app.training.TrainingCharts.Panel;
import dev.juror.app.training.TrainingCharts.Whiskers;
import dev.juror.watch.detect.Alarm;
import dev.juror.watch.detect.CheckpointAgreement;
import dev.juror.watch.detect.DetectorNames;
import dev.juror.watch.detect.StepSummary;
import dev.juror.watch.detect.WatchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Turns a {@link WatchReport} into the six panels of the Training screen. Each alarm is marked on
 * the panel of what its detector watches (verbosity on the length, coverage collapse on the comments,
 * judge failures on the fallback rate, score shift on the shift, expert divergence on the agreement;
 * the others on the reward). Pure and quick: 500 steps are a few arrays.
 */
public final class TrainingChartsBuilder {

    // Titles short enough to stay whole on a third of a 1280-pixel window; what each means in full is
    // in docs/workbench.md and in the tooltip of each point.
    public static final String REWARD = "Reward: mean, min–max band";
    public static final String LENGTH = "Prediction length (characters)";
    public static final String COMMENTS = "Comments per prediction";
    public static final String FALLBACK = "Fallback rate (% neutral rewards)";
    public static final String SCORE_SHIFT = "Score shift vs calibration (PSI)";
    public static final String AGREEMENT = "Judge–expert kappa, 95% CI";

    private TrainingChartsBuilder() {
    }

    public static TrainingCharts of(WatchReport report) {
        List<StepSummary> steps = report.steps();
        double[] x = new double[steps.size()];
        int[] stepNumbers = new int[steps.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = steps.get(i).step();
            stepNumbers[i] = steps.get(i).step();
        }
        Panel reward = linePanel(REWARD, "%.2f", "reward", x, steps, StepSummary::rewardMean,
                new Band(x, column(steps, StepSummary::rewardMin), column(steps, StepSummary::rewardMax)));
        Panel length = linePanel(LENGTH, "%.0f", "characters", x, steps, StepSummary::lengthMean, null);
        Panel comments = linePanel(COMMENTS, "%.1f", "comments", x, steps, StepSummary::commentsMean, null);
        Panel fallback = linePanel(FALLBACK, "%.1f", "fallback %", x, steps, s -> 100 * s.fallbackRate(), null);
        Panel shift = linePanel(SCORE_SHIFT, "%.2f", "PSI", x, steps, StepSummary::scoreShift, null);
        Panel agreement = agreementPanel(report.checkpoints());
        List<Panel> panels = new ArrayList<>(List.of(reward, length, comments, fallback, shift, agreement));
        for (Alarm alarm : report.alarms()) {
            int index = panelOf(alarm.detector());
            Panel p = panels.get(index);
            panels.set(index, withMarker(p, new Marker(alarm.step(), valueAt(p, alarm.step()), alarm.detector(),
                    alarm.detector() + " at step " + alarm.step() + "\n" + alarm.evidence())));
        }
        List<AlarmRow> alarms = report.alarms().stream()
                .map(a -> new AlarmRow(a.detector(), a.step(), a.evidence(), a.examples())).toList();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (StepSummary s : steps) {
            first = Math.min(first, s.step());
            last = Math.max(last, s.step());
        }
        for (CheckpointAgreement c : report.checkpoints()) {
            first = Math.min(first, c.step());
            last = Math.max(last, c.step());
        }
        if (first > last) {
            first = 0;
            last = 1;
        }
        return new TrainingCharts(report.run(), report.placement(), first, last, stepNumbers, List.copyOf(panels),
                alarms, report.notes());
    }

    /** Which panel (index in the order above) marks a detector's alarms. */
    static int panelOf(String detector) {
        return switch (detector) {
            case DetectorNames.VERBOSITY -> 1;
            case DetectorNames.COVERAGE_COLLAPSE -> 2;
            case DetectorNames.JUDGE_FAILURES -> 3;
            case DetectorNames.SCORE_SHIFT -> 4;
            case DetectorNames.EXPERT_DIVERGENCE -> 5;
            default -> 0;
        };
    }

    private static Panel linePanel(String title, String format, String name, double[] x, List<StepSummary> steps,
                                   ToDoubleFunction<StepSummary> value, Band band) {
        String empty = title.equals(SCORE_SHIFT)
                ? "No score shift for this run: it needs the calibration scores in the bundle's evidence."
                : "No reward records in this run.";
        return new Panel(title, format, List.of(new Line(name, x, column(steps, value))), band, List.of(), List.of(),
                empty);
    }

    private static double[] column(List<StepSummary> steps, ToDoubleFunction<StepSummary> value) {
        double[] out = new double[steps.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = value.applyAsDouble(steps.get(i));
        }
        return out;
    }

    /** One whisker series per dimension, each point a checkpoint. */
    private static Panel agreementPanel(List<CheckpointAgreement> checkpoints) {
        TreeSet<String> dimensions = new TreeSet<>();
        checkpoints.forEach(c -> dimensions.addAll(c.agreement().keySet()));
        List<Whiskers> series = new ArrayList<>();
        for (String d : dimensions) {
            List<CheckpointAgreement> with = checkpoints.stream().filter(c -> c.agreement().containsKey(d)).toList();
            double[] x = new double[with.size()];
            double[] y = new double[with.size()];
            double[] lo = new double[with.size()];
            double[] hi = new double[with.size()];
            String[] tips = new String[with.size()];
            for (int i = 0; i < x.length; i++) {
                CheckpointAgreement c = with.get(i);
                x[i] = c.step();
                y[i] = c.agreement().get(d);
                lo[i] = orNaN(c.lower(), d);
                hi[i] = orNaN(c.upper(), d);
                tips[i] = String.format(Locale.ROOT, "%s at step %d, %s: kappa %.2f (95%% interval %.2f to %.2f),"
                        + " %d rollouts labelled; mean judge score %.2f, experts %.2f", c.checkpoint(), c.step(), d,
                        y[i], lo[i], hi[i], c.labelled(), c.judgeMean(), c.expertMean());
            }
            series.add(new Whiskers(d, x, y, lo, hi, tips));
        }
        return new Panel(AGREEMENT, "%.2f", List.of(), null, List.copyOf(series), List.of(),
                "No checkpoint labelled yet: label some of a checkpoint's rollouts blind in the review desk.");
    }

    private static double orNaN(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    private static Panel withMarker(Panel p, Marker m) {
        List<Marker> markers = new ArrayList<>(p.markers());
        markers.add(m);
        return new Panel(p.title(), p.valueFormat(), p.lines(), p.band(), p.whiskers(), List.copyOf(markers),
                p.emptyText());
    }

    /** The panel's value at the step nearest {@code step}: its first line's, else the lowest whisker point's. */
    static double valueAt(Panel p, int step) {
        if (!p.lines().isEmpty()) {
            Line line = p.lines().get(0);
            int i = nearest(line.x(), step);
            return i < 0 ? Double.NaN : line.y()[i];
        }
        double best = Double.NaN;
        double distance = Double.POSITIVE_INFINITY;
        for (Whiskers w : p.whiskers()) {
            for (int i = 0; i < w.x().length; i++) {
                double d = Math.abs(w.x()[i] - step);
                if (d < distance || (d == distance && w.y()[i] < best)) {
                    distance = d;
                    best = w.y()[i];
                }
            }
        }
        return best;
    }

    /** Index of the value in ascending {@code xs} nearest {@code x}; -1 when empty. */
    static int nearest(double[] xs, double x) {
        if (xs.length == 0) {
            return -1;
        }
        int i = java.util.Arrays.binarySearch(xs, x);
        if (i >= 0) {
            return i;
        }
        int insert = -i - 1;
        if (insert == 0) {
            return 0;
        }
        if (insert == xs.length) {
            return xs.length - 1;
        }
        return x - xs[insert - 1] <= xs[insert] - x ? insert - 1 : insert;
    }
}
