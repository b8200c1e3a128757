package dev.juror.app.ui;

import dev.juror.app.settings.Settings;
import dev.juror.app.settings.Theme;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Applies the theme and font size of the settings to a scene: one base style sheet plus a dark overlay. */
public final class Themes {

    private static final String BASE = css("juror.css");
    private static final String DARK = css("juror-dark.css");

    private Themes() {
    }

    public static void apply(Scene scene, Settings settings) {
        scene.getStylesheets().setAll(BASE);
        if (settings.theme() == Theme.DARK) {
            scene.getStylesheets().add(DARK);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.setStyle("-fx-font-size: " + settings.fontSize() + "pt;");
        }
    }

    private static String css(String name) {
        return Objects.requireNonNull(Themes.class.getResource(name), name).toExternalForm();
    }
}
