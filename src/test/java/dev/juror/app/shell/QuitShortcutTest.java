package dev.juror.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.app.Workbench;
import dev.juror.app.WorkbenchFixture;
import java.nio.file.Path;
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

    private WorkbenchFixture fixture;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = WorkbenchFixture.under(folder).start(stage);
        workbench = fixture.workbench();
    }

    @AfterEach
    void close() {
        fixture.close();
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
