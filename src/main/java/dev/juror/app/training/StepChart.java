package dev.juror.app.training;

import dev.juror.app.training.TrainingCharts.Line;
import dev.juror.app.training.TrainingCharts.Marker;
import dev.juror.app.training.TrainingCharts.Panel;
import dev.juror.app.training.TrainingCharts.Whiskers;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * One panel of the Training screen drawn on a canvas: a line against the step (gaps where a value is
 * missing), an optional shaded band, points with interval whiskers, alarms as triangles on the line
 * with a dashed rule at their step, and the chosen step as a solid rule. A canvas rather than a JavaFX
 * chart: 500 steps are one polyline instead of 500 nodes, and bands and whiskers are a few calls.
 * Hovering a marker or a whisker point shows what it is; a click chooses the nearest step.
 */
public final class StepChart extends Region {

    private static final double LEFT = 56;
    private static final double RIGHT = 18;
    private static final double BOTTOM = 20;
    private static final double NEAR = 8;

    private final Canvas canvas = new Canvas();
    private final ChartInk ink = new ChartInk();
    private final Tooltip tip = new Tooltip();
    private Panel panel;
    private double firstStep;
    private double lastStep = 1;
    private int selectedStep = -1;
    private IntConsumer onStep = step -> { };
    private IntConsumer onMove = delta -> { };
    private ChartFrame frame;

    public StepChart() {
        getStyleClass().add("step-chart");
        getChildren().add(canvas);
        getChildren().addAll(ink.all());
        ink.all().forEach(l -> l.textFillProperty().addListener((obs, old, now) -> draw()));
        ink.text.fontProperty().addListener((obs, old, now) -> draw());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        canvas.setOnMouseClicked(e -> {
            if (frame != null && frame.inPlot(e.getX(), e.getY())) {
                onStep.accept((int) Math.round(frame.stepAt(e.getX())));
            }
        });
        canvas.setOnMouseMoved(this::hover);
        // Left and right move the chosen step once a chart has the focus (a click gives it).
        setFocusTraversable(true);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case LEFT -> onMove.accept(-1);
                case RIGHT -> onMove.accept(1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        canvas.setOnMouseExited(e -> tip.hide());
        setMinSize(160, 110);
        setPrefSize(420, 170);
    }

    /** Draws {@code shown} over steps {@code first}..{@code last} (the same range on every panel). */
    public void show(Panel shown, int first, int last) {
        this.panel = shown;
        this.firstStep = first;
        this.lastStep = Math.max(last, first + 1);
        draw();
    }

    public void setSelectedStep(int step) {
        this.selectedStep = step;
        draw();
    }

    public void setOnStep(IntConsumer onStep) {
        this.onStep = onStep;
    }

    /** Called with -1 or +1 when Left or Right is pressed on the chart. */
    public void setOnMove(IntConsumer onMove) {
        this.onMove = onMove;
    }

    /** Where {@code step} is drawn, in the chart's own coordinates (for tests); NaN before a panel with data is drawn. */
    double xOf(int step) {
        return frame == null ? Double.NaN : frame.x(step);
    }

    /** The panel drawn now, for tests. */
    public Panel panel() {
        return panel;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Font font = ink.font();
        double em = font.getSize();
        g.setFill(ChartInk.color(ink.surface));
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(font.getFamily(), FontWeight.BOLD, em));
        g.setFill(ChartInk.color(ink.text));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        if (panel == null) {
            frame = null;
            return;
        }
        g.fillText(panel.title(), 8, 4, w - 16);
        double top = 4 + em * 1.6;
        if (panel.whiskers().size() > 1) {
            top = drawLegend(g, font, top, w);
        }
        if (!panel.hasData()) {
            frame = null;
            g.setFont(font);
            g.setFill(ChartInk.color(ink.muted));
            wrapText(g, panel.emptyText(), 12, top + em, w - 24, em * 1.3);
            return;
        }
        frame = ChartFrame.of(panel, firstStep, lastStep, LEFT, top, Math.max(LEFT + 10, w - RIGHT),
                Math.max(top + 10, h - BOTTOM));
        g.setFont(font);
        drawAxes(g, em);
        if (panel.band() != null) {
            drawBand(g);
        }
        for (int i = 0; i < panel.lines().size(); i++) {
            drawLine(g, panel.lines().get(i), ChartInk.color(ink.series.get(i % ink.series.size())));
        }
        for (int i = 0; i < panel.whiskers().size(); i++) {
            drawWhiskers(g, panel.whiskers().get(i), ChartInk.color(ink.series.get(i % ink.series.size())));
        }
        if (selectedStep >= 0) {
            g.setStroke(ChartInk.color(ink.selected));
            g.setLineWidth(2);
            g.setLineDashes();
            double x = frame.x(selectedStep);
            g.strokeLine(x, frame.top(), x, frame.bottom());
        }
        for (Marker m : panel.markers()) {
            drawMarker(g, m);
        }
    }

    /** One entry per dimension, in its colour, wrapped to the chart's width; returns where the plot starts. */
    private double drawLegend(GraphicsContext g, Font font, double top, double w) {
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        double line = font.getSize() * 1.35;
        double x = 8;
        double y = top;
        for (int i = 0; i < panel.whiskers().size(); i++) {
            String name = "● " + panel.whiskers().get(i).name();
            double width = textWidth(name, font);
            if (x > 8 && x + width > w - RIGHT) {
                x = 8;
                y += line;
            }
            g.setFill(ChartInk.color(ink.series.get(i % ink.series.size())));
            g.fillText(name, x, y);
            x += width + font.getSize();
        }
        return y + line;
    }

    private void drawAxes(GraphicsContext g, double em) {
        g.setLineWidth(1);
        g.setLineDashes();
        g.setStroke(ChartInk.color(ink.grid));
        g.setFill(ChartInk.color(ink.muted));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int yCount = Math.max(2, (int) ((frame.bottom() - frame.top()) / (em * 2.4)));
        java.util.List<Double> yTicks = ChartFrame.ticks(frame.yMin(), frame.yMax(), yCount);
        for (int more = yCount + 1; yTicks.size() < 2 && more < yCount + 8; more++) {
            yTicks = ChartFrame.ticks(frame.yMin(), frame.yMax(), more); // a narrow range still gets two labels
        }
        String yFormat = yTicks.size() < 2 ? panel.valueFormat() : ChartFrame.tickFormat(yTicks);
        for (double v : yTicks) {
            double y = frame.y(v);
            g.strokeLine(frame.left(), y, frame.right(), y);
            g.fillText(String.format(Locale.ROOT, yFormat, v), frame.left() - 4, y);
        }
        g.setTextBaseline(VPos.TOP);
        int xCount = Math.max(2, (int) ((frame.right() - frame.left()) / (em * 6)));
        for (double s : ChartFrame.ticks(firstStep, lastStep, xCount)) {
            double x = frame.x(s);
            String label = String.format(Locale.ROOT, "%.0f", s);
            // a label at either end stays inside the canvas rather than being cut
            double half = textWidth(label, g.getFont()) / 2;
            double at = Math.max(half + 2, Math.min(canvas.getWidth() - half - 2, x));
            g.setTextAlign(TextAlignment.CENTER);
            g.strokeLine(x, frame.bottom(), x, frame.bottom() + 3);
            g.fillText(label, at, frame.bottom() + 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.strokeRect(frame.left(), frame.top(), frame.right() - frame.left(), frame.bottom() - frame.top());
    }

    private void drawBand(GraphicsContext g) {
        Color c = ChartInk.color(ink.line);
        g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.22));
        double[] xs = panel.band().x();
        int i = 0;
        while (i < xs.length) { // one polygon per run of finite values
            int start = i;
            while (i < xs.length && Double.isFinite(panel.band().low()[i]) && Double.isFinite(panel.band().high()[i])) {
                i++;
            }
            int n = i - start;
            if (n > 0) {
                double[] px = new double[2 * n];
                double[] py = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    px[k] = frame.x(xs[start + k]);
                    py[k] = frame.y(panel.band().high()[start + k]);
                    px[2 * n - 1 - k] = px[k];
                    py[2 * n - 1 - k] = frame.y(panel.band().low()[start + k]);
                }
                g.fillPolygon(px, py, 2 * n);
            }
            i = Math.max(i, start + 1);
        }
    }

    private void drawLine(GraphicsContext g, Line line, Color color) {
        g.setStroke(color);
        g.setLineWidth(1.6);
        g.setLineDashes();
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < line.x().length; i++) {
            double v = line.y()[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = frame.x(line.x()[i]);
            double y = frame.y(v);
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                g.lineTo(x + 0.01, y); // a lone point still shows
                pen = true;
            }
        }
        g.stroke();
    }

    private void drawWhiskers(GraphicsContext g, Whiskers w, Color color) {
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(1.5);
        g.setLineDashes();
        double offset = (panel.whiskers().indexOf(w) - (panel.whiskers().size() - 1) / 2.0) * 5;
        for (int i = 0; i < w.x().length; i++) {
            double x = frame.x(w.x()[i]) + offset;
            if (Double.isFinite(w.low()[i]) && Double.isFinite(w.high()[i])) {
                double lo = frame.y(w.low()[i]);
                double hi = frame.y(w.high()[i]);
                g.strokeLine(x, lo, x, hi);
                g.strokeLine(x - 4, lo, x + 4, lo);
                g.strokeLine(x - 4, hi, x + 4, hi);
            }
            g.fillOval(x - 3.5, frame.y(w.y()[i]) - 3.5, 7, 7);
        }
    }

    private void drawMarker(GraphicsContext g, Marker m) {
        Color c = ChartInk.color(ink.alarm);
        double x = frame.x(m.step());
        g.setStroke(c);
        g.setLineWidth(1);
        g.setLineDashes(4, 3);
        g.strokeLine(x, frame.top(), x, frame.bottom());
        g.setLineDashes();
        double y = Double.isFinite(m.y()) ? frame.y(m.y()) : frame.top() + 6;
        g.setFill(c);
        g.fillPolygon(new double[] {x, x - 6, x + 6}, new double[] {y - 7, y + 5, y + 5}, 3);
    }

    private void hover(MouseEvent e) {
        String text = frame == null ? null : hoverText(e.getX(), e.getY());
        if (text == null) {
            tip.hide();
            return;
        }
        if (!text.equals(tip.getText()) || !tip.isShowing()) {
            tip.setText(text);
            tip.show(canvas, e.getScreenX() + 12, e.getScreenY() + 12);
        }
    }

    /** What the point under the mouse is: an alarm, a checkpoint's agreement, else the step's value. */
    String hoverText(double mx, double my) {
        for (Marker m : panel.markers()) {
            double y = Double.isFinite(m.y()) ? frame.y(m.y()) : frame.top() + 6;
            if (Math.abs(frame.x(m.step()) - mx) <= NEAR && Math.abs(y - my) <= NEAR * 1.5) {
                return "Alarm: " + m.tip();
            }
        }
        for (Whiskers w : panel.whiskers()) {
            for (int i = 0; i < w.x().length; i++) {
                if (Math.abs(frame.x(w.x()[i]) - mx) <= NEAR && Math.abs(frame.y(w.y()[i]) - my) <= NEAR) {
                    return w.tips()[i];
                }
            }
        }
        if (!panel.lines().isEmpty() && frame.inPlot(mx, my)) {
            Line line = panel.lines().get(0);
            int i = TrainingChartsBuilder.nearest(line.x(), frame.stepAt(mx));
            if (i >= 0 && Double.isFinite(line.y()[i])) {
                String band = panel.band() == null ? "" : String.format(Locale.ROOT, " (min " + panel.valueFormat()
                        + ", max " + panel.valueFormat() + ")", panel.band().low()[i], panel.band().high()[i]);
                return String.format(Locale.ROOT, "Step %.0f: " + panel.valueFormat() + "%s. Click to list its records.",
                        line.x()[i], line.y()[i], band);
            }
        }
        return null;
    }

    private static void wrapText(GraphicsContext g, String text, double x, double y, double width, double lineHeight) {
        StringBuilder lineText = new StringBuilder();
        double at = y;
        for (String word : text.split(" ")) {
            String candidate = lineText.isEmpty() ? word : lineText + " " + word;
            if (textWidth(candidate, g.getFont()) > width && !lineText.isEmpty()) {
                g.fillText(lineText.toString(), x, at);
                at += lineHeight;
                lineText = new StringBuilder(word);
            } else {
                lineText = new StringBuilder(candidate);
            }
        }
        if (!lineText.isEmpty()) {
            g.fillText(lineText.toString(), x, at);
        }
    }

    private static double textWidth(String s, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
