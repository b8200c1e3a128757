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

    /**
     * This layout made to fit a screen's usable area: never larger than the screen (a 1400 x 900
     * default on a 1280 x 800 laptop would hide the navigation rail off-screen), and a saved
     * position that would put the window's top-left corner off the screen (a monitor since
     * unplugged) is dropped so the window is centred instead.
     */
    public WindowLayout fittedTo(double screenX, double screenY, double screenWidth, double screenHeight) {
        double w = Math.min(width, screenWidth);
        double h = Math.min(height, screenHeight);
        boolean onScreen = hasPosition() && x >= screenX && y >= screenY
                && x < screenX + screenWidth - 50 && y < screenY + screenHeight - 50;
        double fx = onScreen ? Math.min(x, screenX + screenWidth - w) : Double.NaN;
        double fy = onScreen ? Math.min(y, screenY + screenHeight - h) : Double.NaN;
        return new WindowLayout(fx, fy, w, h, maximized);
    }
}
