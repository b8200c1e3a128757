package dev.juror.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the main window was when it was last closed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowLayout(double x, double y, double width, double height, boolean maximized) {

    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1400, 900, false);

    public WindowLayout {
        width = width >= 400 && Double.isFinite(width) ? width : DEFAULT_WIDTH;
        height = height >= 300 && Double.isFinite(height) ? height : DEFAULT_HEIGHT;
    }

    private static final double DEFAULT_WIDTH = 1400;
    private static final double DEFAULT_HEIGHT = 900;

    /** Whether a position was saved (a fresh layout lets the window system centre the window). */
    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
