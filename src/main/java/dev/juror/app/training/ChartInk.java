package dev.juror.app.training;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * The colours and font a {@link StepChart} draws with, taken from the theme: a canvas cannot read
 * CSS, so each ink is an invisible label whose text fill the screen's style sheet sets from the
 * theme's looked-up colours ({@code training.css}). Changing the theme restyles the labels, and the
 * chart draws again.
 */
final class ChartInk {

    final Label text = ink("ink-text");
    final Label muted = ink("ink-muted");
    final Label grid = ink("ink-grid");
    final Label surface = ink("ink-surface");
    final Label line = ink("ink-line");
    final Label alarm = ink("ink-alarm");
    final Label selected = ink("ink-selected");
    /** Colours of further series (agreement per dimension). */
    final List<Label> series = List.of(line, ink("ink-series-2"), ink("ink-series-3"), ink("ink-series-4"),
            ink("ink-series-5"));

    List<Label> all() {
        return List.of(text, muted, grid, surface, line, alarm, selected, series.get(1), series.get(2), series.get(3),
                series.get(4));
    }

    private static Label ink(String styleClass) {
        Label l = new Label("");
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setOpacity(0);
        l.setMouseTransparent(true);
        return l;
    }

    static Color color(Label ink) {
        Paint p = ink.getTextFill();
        return p instanceof Color c ? c : Color.GRAY;
    }

    Font font() {
        return text.getFont();
    }
}
