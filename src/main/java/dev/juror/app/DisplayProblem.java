package dev.juror.app;

import java.util.Map;
import java.util.Optional;

/**
 * The one sentence a user gets when the workbench cannot open a window, instead of JavaFX's stack
 * trace: no graphical display, or (Linux) no GTK 3. Kept free of JavaFX types.
 */
final class DisplayProblem {

    static final String NO_DISPLAY = "The workbench needs a graphical display and none was found (DISPLAY and "
            + "WAYLAND_DISPLAY are not set): start it from a desktop session, or use the command line "
            + "(`juror --help`, or `java -jar juror.jar --help`).";
    static final String NO_GTK = "The workbench needs GTK 3 on Linux and it could not be loaded: install it "
            + "(Debian/Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3) and start it again; "
            + "the command line (`juror --help`) works without it.";
    static final String CANNOT_START = "The workbench could not open its window: %s. The command line "
            + "(`juror --help`) still works.";

    private DisplayProblem() {
    }

    /**
     * Before JavaFX starts: on Linux with the real (GTK) toolkit, no DISPLAY and no WAYLAND_DISPLAY
     * means no window can open.
     */
    static Optional<String> beforeStart(String osName, Map<String, String> environment, String glassPlatform) {
        boolean linux = osName != null && osName.toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean realToolkit = glassPlatform == null || glassPlatform.isBlank() || glassPlatform.equalsIgnoreCase("gtk");
        if (linux && realToolkit && blank(environment.get("DISPLAY")) && blank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.of(NO_DISPLAY);
        }
        return Optional.empty();
    }

    /** The sentence for a failure of JavaFX's start-up. */
    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("GTK")) {
                return NO_GTK;
            }
            if (message.contains("DISPLAY")) {
                return NO_DISPLAY;
            }
        }
        String message = failure.getMessage();
        return String.format(CANNOT_START, message == null || message.isBlank()
                ? failure.getClass().getSimpleName() : message.strip());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
