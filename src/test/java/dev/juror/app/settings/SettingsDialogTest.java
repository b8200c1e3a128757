package dev.juror.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #18 §5: Settings refuse a base URL with user:password@, as juror judge --base-url does. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aBaseUrlWithCredentialsIsRefusedWithASentence(FxRobot robot) throws Exception {
        Dialog<Settings> dialog = WaitForAsyncUtils.asyncFx(() -> SettingsDialog.dialog(Settings.defaults())).get();
        TextField baseUrl = (TextField) dialog.getDialogPane().lookup("#openAiBaseUrlField");
        Label problem = (Label) dialog.getDialogPane().lookup("#settingsProblemLabel");
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);

        robot.interact(() -> baseUrl.setText("http://admin:hunter2@localhost:8000/v1"));
        assertThat(problem.getText()).startsWith("The OpenAI-compatible base URL holds a user name or password")
                .doesNotContain("hunter2");
        assertThat(ok.isDisabled()).isTrue();

        robot.interact(() -> baseUrl.setText("http://localhost:8000/v1"));
        assertThat(problem.getText()).isEmpty();
        assertThat(ok.isDisabled()).isFalse();
    }
}
