package dev.juror.app.training;

import dev.juror.app.AppOptions;
import dev.juror.app.SeededWorkspace;
import dev.juror.app.Workbench;
import dev.juror.app.settings.Settings;
import dev.juror.app.settings.SettingsStore;
import dev.juror.app.settings.WindowLayout;
import dev.juror.app.shell.FxDialogs;
import dev.juror.app.shell.ScreenId;
import dev.juror.app.tasks.FxBackgroundTasks;
import dev.juror.store.Workspace;
import dev.juror.testing.watch.TrainingWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Not a test: starts the workbench on a display (Xvfb) on the Training screen, for the screenshot in
 * docs/ (taken with ImageMagick's {@code import -window root}). Arguments: workspace folder, settings
 * file, optionally the step to choose (default 240) or {@code empty}. A workspace folder that does not
 * exist yet is seeded with the shipped samples, then (unless {@code empty}) given a made-up training run ({@code SyntheticTrainingRun}:
 * 300 steps of 64 reward records, checkpoint rollouts at steps 100, 200 and 300) imported as a user
 * would; the settings file is written for a 1280x800 window.
 */
public final class TrainingScreenshotMain {

    private TrainingScreenshotMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workspaceDir = Path.of(args[0]);
        Path settingsFile = Path.of(args[1]);
        boolean empty = args.length > 2 && args[2].equals("empty");
        int step = args.length > 2 && !empty ? Integer.parseInt(args[2]) : 240;
        if (!Files.exists(workspaceDir)) {
            try (Workspace workspace = SeededWorkspace.open(workspaceDir)) {
                importRun(workspace, empty);
            }
        }
        start(workspaceDir, settingsFile, step);
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void importRun(Workspace workspace, boolean empty) throws Exception {
        if (!empty) {
            Path files = Files.createDirectories(workspace.directory().resolve("watch-files"));
            System.out.println(TrainingWorkspaces.importRun(workspace, files, "rft-contract-review", 300, 64,
                    List.of(100, 200, 300)));
        }
    }

    private static void start(Path workspaceDir, Path settingsFile, int step) throws Exception {
        new SettingsStore(settingsFile).save(Settings.defaults().withLabeller("Ann")
                .withWindow(new WindowLayout(0, 0, 1280, 800, false)));
        AppOptions options = new AppOptions(Optional.of(workspaceDir), settingsFile);
        Platform.startup(() -> {
            Stage stage = new Stage();
            Workbench workbench = new Workbench(options, new FxBackgroundTasks(2), new FxDialogs());
            workbench.start(stage);
            stage.setX(0);
            stage.setY(0);
            workbench.shell().show(ScreenId.TRAINING);
            TrainingViewModel training = workbench.training();
            training.messageProperty().addListener((obs, old, now) -> System.out.println("training: " + now));
            training.chartsProperty().addListener((obs, old, now) -> {
                if (now != null) {
                    Platform.runLater(() -> training.selectStep(step));
                }
            });
            training.stepTitleProperty().addListener((obs, old, now) -> {
                System.out.println("step: " + now);
                if (!training.stepRecords().isEmpty()) {
                    Platform.runLater(() -> {
                        var table = (javafx.scene.control.TableView<?>) stage.getScene().lookup("#trainingRecords");
                        table.getSelectionModel().select(0);
                    });
                }
            });
        });
    }
}
