package dev.juror.app;

import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import java.io.IOException;
import java.nio.file.Path;

/** Test helper: a settings file with a labeller name, so no test meets the first-start name prompt. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Path withLabeller(Path folder, String labeller) throws IOException {
        Path file = folder.resolve("settings.json");
        // Monocle's headless screen is 1280x800: a larger window overflows its frame buffer.
        new SettingsStore(file).save(Settings.defaults().withLabeller(labeller)
                .withWindow(new WindowLayout(0, 0, 1200, 760, false)));
        return file;
    }
}
