package dev.juror.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.TestSettings;
import dev.juror.app.Workbench;
import dev.juror.app.tasks.InlineBackgroundTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+Q (Cmd+Q on macOS) quits the workbench, the same way as File > Quit. */
@ExtendWith(ApplicationExtension.class)
class QuitShortcutTest {

    @TempDir
    static Path folder;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path run = Files.createTempDirectory(folder, "run");
        workbench = new Workbench(new AppOptions(Optional.of(run.resolve("ws")),
                TestSettings.withLabeller(run, "Ann")), new InlineBackgroundTasks(), new ScriptedDialogs());
        workbench.start(stage);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> workbench.close());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlQClosesTheWindowAndTheQuitItemShowsTheShortcut(FxRobot robot) {
        MenuItem quit = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(item -> "Quit".equals(item.getText())).findFirst().orElseThrow();
        assertThat(quit.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+Q"));
        assertThat(stage.isShowing()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isFalse();
    }
}
