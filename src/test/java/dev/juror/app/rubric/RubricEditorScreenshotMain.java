package dev.juror.app.rubric;

import dev.juror.app.AppOptions;
import dev.juror.app.ScriptedDialogs;
import dev.juror.app.Workbench;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the workbench on the rubric editor for a screenshot under Xvfb (the shell has no switch
 * for a start screen). Arguments: workspace folder, settings file. Not a test; run it by hand:
 * {@code java -cp target/classes:target/test-classes:target/lib/* dev.juror.app.rubric.RubricEditorScreenshotMain WS SETTINGS}.
 */
public final class RubricEditorScreenshotMain {

    private RubricEditorScreenshotMain() {
    }

    public static void main(String[] args) {
        Platform.startup(() -> {
            FxBackgroundTasks tasks = new FxBackgroundTasks(3);
            Workbench workbench = new Workbench(new AppOptions(Optional.of(Path.of(args[0])), Path.of(args[1])),
                    tasks, new ScriptedDialogs());
            Stage stage = new Stage();
            workbench.start(stage);
            workbench.session().workspaceProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    workbench.shell().show(ScreenId.RUBRICS);
                    // Show a trial result too, once the preview's sample is loaded.
                    PauseTransition later = new PauseTransition(Duration.seconds(12));
                    later.setOnFinished(event -> ((Button) stage.getScene().lookup("#tryButton")).fire());
                    later.play();
                }
            });
        });
    }
}
