package dev.juror.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.Workbench;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.tasks.InlineBackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A first start with no name stored asks for it once; closing the window remembers the layout. */
@ExtendWith(ApplicationExtension.class)
class FirstStartTest {

    @TempDir
    static Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Workbench workbench;
    private Path settingsFile;

    @Start
    void start(Stage stage) throws Exception {
        settingsFile = folder.resolve("settings.json");
        // A window that fits Monocle's 1280x800 screen, and no labeller yet.
        new SettingsStore(settingsFile).save(Settings.defaults().withWindow(new WindowLayout(0, 0, 1100, 700, false)));
        dialogs.nextName = "Cleo";
        workbench = new Workbench(new AppOptions(Optional.of(folder.resolve("ws")), settingsFile),
                new InlineBackgroundTasks(), dialogs);
        workbench.start(stage);
    }

    @Test
    void theNameIsAskedOnceAndStoredAndTheLayoutIsRemembered(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#labellerLabel").queryAs(Label.class).getText()).isEqualTo("Labeller: Cleo");

        WaitForAsyncUtils.asyncFx(() -> {
            workbench.rememberLayout();
            workbench.close(); // flushes the settings writer
        });
        WaitForAsyncUtils.waitForFxEvents();
        Settings saved = new SettingsStore(settingsFile).load();
        assertThat(saved.labeller()).isEqualTo("Cleo");
        assertThat(saved.recentWorkspaces()).containsExactly(folder.resolve("ws").toString());
        assertThat(saved.window().width()).isEqualTo(1100);
        assertThat(saved.dividers().get("review.desk")).hasSize(2);
        assertThat(saved.dividers().get("review.form")).hasSize(1);
    }
}
