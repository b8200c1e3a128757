package dev.juror.app.training;

import dev.juror.watch.Placement;
import java.util.List;

/**
 * What the Training screen draws for one run, all against the training step: six panels, the alarms
 * beside them and the report's notes. Built off the FX thread ({@link TrainingChartsBuilder}); plain
 * data, no JavaFX, so view-model tests read it directly.
 *
 * @param firstStep the lowest step any panel shows (records or checkpoints)
 * @param lastStep  the highest
 * @param steps     the steps that have records, ascending (a click snaps to the nearest of them)
 */
public record TrainingCharts(String run, Placement placement, int firstStep, int lastStep, int[] steps,
                             List<Panel> panels, List<AlarmRow> alarms, List<String> notes) {

    /** The panel with this title, for tests and the screenshot. */
    public Panel panel(String title) {
        return panels.stream().filter(p -> p.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no panel " + title));
    }

    /**
     * One chart.
     *
     * @param valueFormat how its values read ({@code %.2f}), on the axis and in tooltips
     * @param band        the min/max band under the first line, or {@code null}
     * @param emptyText   what the panel says when it has nothing to draw
     */
    public record Panel(String title, String valueFormat, List<Line> lines, Band band, List<Whiskers> whiskers,
                        List<Marker> markers, String emptyText) {

        /** Whether any value can be drawn. */
        public boolean hasData() {
            for (Line l : lines) {
                for (double y : l.y()) {
                    if (Double.isFinite(y)) {
                        return true;
                    }
                }
            }
            return whiskers.stream().anyMatch(w -> w.x().length > 0);
        }
    }

    /** A line through one value per step; {@code NaN} leaves a gap. */
    public record Line(String name, double[] x, double[] y) {
    }

    /** A shaded band between two values per step (the reward's min and max). */
    public record Band(double[] x, double[] low, double[] high) {
    }

    /** Points with an interval each (agreement at checkpoints); {@code tips} say what each one is. */
    public record Whiskers(String name, double[] x, double[] y, double[] low, double[] high, String[] tips) {
    }

    /** An alarm drawn on a panel's line at its step; {@code y} is {@code NaN} when the line has no value there. */
    public record Marker(int step, double y, String detector, String tip) {
    }

    /** An alarm as the list beside the charts shows it. */
    public record AlarmRow(String detector, int step, String evidence, List<String> examples) {
        @Override
        public String toString() {
            return "Step " + step + " · " + detector + "\n" + evidence;
        }
    }
}
